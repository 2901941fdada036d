package cn.talentexchange.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What integrators and operators reach for first: the served contract, metrics, CORS (the test profile allows
 * one console origin), correlation ids, links.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorsApiTest extends ApiTest {

	private static final String CONSOLE = "https://console.example.cn";

	@Test
	void theContractIsServedAsWrittenWithSwaggerUiBesideIt() throws Exception {
		String served = raw().get().uri("/openapi.yaml").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("application/yaml")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(served).isEqualTo(Files.readString(Path.of("api-spec/openapi.yaml")));

		String page = raw().get().uri("/swagger-ui/").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/swagger-ui/start.js")
			.doesNotContain("https://");
		for (String file : List.of("/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css",
				"/webjars/swagger-ui/swagger-ui-standalone-preset.js", "/swagger-ui/start.js")) {
			raw().get().uri(file).exchange().expectStatus().isOk().expectBody().consumeWith(body -> assertThat(body
				.getResponseBody()).isNotEmpty());
		}
		raw().get().uri("/swagger-ui/start.js").exchange().expectBody(String.class)
			.value(script -> assertThat(script).contains("url: '/openapi.yaml'", "validatorUrl: null"));
		raw().get().uri("/swagger-ui").exchange().expectStatus().isPermanentRedirect()
			.expectHeader().location("/swagger-ui/");
	}

	@Test
	void metricsAreForAdminsAndNameTheProgrammesOwnFigures() {
		raw().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		raw().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf("coordinator"))
			.exchange().expectStatus().isForbidden();

		String key = "metrics-replay-0001";
		for (int i = 0; i < 2; i++) {
			as("expert-0041").post().uri("/api/v1/experts/me/devices").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", "metrics-token", "platform", "ANDROID"))
				.exchange().expectStatus().isCreated().expectBody();
		}
		String metrics = scrape();
		assertThat(metrics).containsPattern("(?m)^talent_idempotent_replays_total [1-9]")
			.containsPattern("(?m)^talent_notifications_oldest_pending_seconds [0-9]")
			.contains("talent_outbox_backlog{collection=\"assignments\"}", "talent_outbox_backlog{collection=\"requests\"}",
					"talent_outbox_backlog{collection=\"secondments\"}")
			.contains("talent_offers_accepted_total", "talent_offers_expired_total", "talent_notifications_queued_total",
					"talent_notifications_retried_total")
			.contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");
	}

	@Test
	void aBrowserOnAnAllowedOriginMayCallWithoutATokenForThePreflight() {
		raw().method(HttpMethod.OPTIONS).uri("/api/v1/requests")
			.header(HttpHeaders.ORIGIN, CONSOLE)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE)
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
		raw().method(HttpMethod.OPTIONS).uri("/api/v1/requests")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange()
			.expectStatus().isForbidden()
			.expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

		as("coordinator").get().uri("/api/v1/counties").header(HttpHeaders.ORIGIN, CONSOLE).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE)
			.expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
					exposed -> assertThat(exposed).contains("Link", "ETag", "X-Correlation-Id"))
			.expectBody();
	}

	@Test
	void everyAnswerCarriesTheCallsCorrelationIdAndItsLogLinesToo(CapturedOutput output) {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
		anonymous().get().uri("/api/v1/counties").header(CorrelationIds.TRACEPARENT, traceparent).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(CorrelationIds.RESPONSE_HEADER, traceId)
			.expectBody().jsonPath("$.correlationId").isEqualTo(traceId);

		String generated = as("coordinator").get().uri("/api/v1/counties").exchange()
			.expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst(CorrelationIds.RESPONSE_HEADER);
		assertThat(generated).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
		anonymous().get().uri("/api/v1/counties").header(CorrelationIds.TRACEPARENT, "ff-" + traceId + "-00f067aa0ba902b7-01")
			.exchange()
			.expectHeader().value(CorrelationIds.RESPONSE_HEADER, id -> assertThat(id).isNotEqualTo(traceId))
			.expectBody();

		// Setting roles logs a line on whatever thread the database answers on.
		String roleChange = "11111111111111111111111111111111";
		Map<?, ?> roles = as("admin").get().uri("/api/v1/admin/users/agency-kangping/roles").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		as("admin").put().uri("/api/v1/admin/users/agency-kangping/roles")
			.header(CorrelationIds.TRACEPARENT, "00-" + roleChange + "-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("COUNTY_AGENCY"), "countyId", "kangping", "version", roles.get("version")))
			.exchange().expectStatus().isOk().expectBody();
		assertThat(output.getOut().lines().filter(line -> line.contains("set the roles of agency-kangping")))
			.isNotEmpty()
			.allMatch(line -> line.contains("[" + roleChange + "]"));
	}

	@Test
	void pagedListsLinkTheirNeighboursAbsolutely() {
		String links = as("coordinator").get().uri("/api/v1/experts?size=5&page=1").exchange()
			.expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
		assertThat(links).contains("<http://127.0.0.1:" + port + "/api/v1/experts?page=2&size=5>; rel=\"next\"",
				"<http://127.0.0.1:" + port + "/api/v1/experts?page=0&size=5>; rel=\"prev\"");

		String first = as("coordinator").get().uri("/api/v1/counties").header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "talent.example.cn").exchange()
			.expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
		assertThat(first).isNull();
		String forwarded = as("coordinator").get().uri("/api/v1/experts?size=1").header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "talent.example.cn").exchange()
			.expectStatus().isOk()
			.returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LINK);
		assertThat(forwarded).isEqualTo("<https://talent.example.cn/api/v1/experts?page=1&size=1>; rel=\"next\"");
	}

}
