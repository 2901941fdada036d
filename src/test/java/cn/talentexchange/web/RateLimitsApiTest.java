package cn.talentexchange.web;

import java.time.Duration;
import java.util.Map;

import cn.talentexchange.support.ApiContract;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes are limited per caller, the token-less endpoints and refused credentials per address; over the limit is a
 * 429 that says when to return.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "talent.embedded-mongo.database=rate-limits", "talent.rate-limits.writes-per-minute=5",
		"talent.rate-limits.public-per-minute=3", "talent.rate-limits.refusals-per-minute=4" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitsApiTest {

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void aCallerOverTheirWritesAndAnAddressOverThePublicCallsAreToldToWait() {
		String coordinator = token("coordinator");
		String agency = token("agency-faku");
		token("admin");
		tooMany(client(null).post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "coordinator")).exchange());

		// A window that ends before it starts: refused, and a refused write counts too (guessing is writing).
		Map<String, String> backwards = Map.of("from", "2027-06-10", "to", "2027-06-01");
		for (int write = 0; write < 5; write++) {
			client(coordinator).post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).bodyValue(backwards)
				.exchange().expectStatus().isBadRequest().expectBody();
		}
		tooMany(client(coordinator).post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(backwards).exchange());
		client(coordinator).get().uri("/api/v1/plans").exchange().expectStatus().isOk().expectBody();
		client(agency).post().uri("/api/v1/requests/no-such-request/open").exchange().expectStatus().isNotFound().expectBody();
	}

	/** Runs last: afterwards the test's address is turned away from every authenticated call for a while. */
	@Test
	@Order(2)
	void anAddressWhoseTokensAreRefusedTooOftenIsTurnedAwayBeforeAnyCheck() {
		String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl";
		for (int attempt = 0; attempt < 4; attempt++) {
			client(forged).get().uri("/api/v1/plans").exchange().expectStatus().isUnauthorized().expectBody();
		}
		tooMany(client(forged).get().uri("/api/v1/plans").exchange());
		tooMany(client(null).get().uri("/api/v1/me/inbox").exchange());
	}

	private static void tooMany(WebTestClient.ResponseSpec answer) {
		String retryAfter = answer.expectStatus().isEqualTo(429)
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:too-many-requests")
			.returnResult().getResponseHeaders().getFirst("Retry-After");
		assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
	}

	private String token(String username) {
		Map<?, ?> answer = client(null).post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody();
		return (String) answer.get("accessToken");
	}

	private WebTestClient client(String token) {
		WebTestClient.Builder builder = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.entityExchangeResultConsumer(ApiContract.get()::verify);
		return token == null ? builder.build() : builder.defaultHeader("Authorization", "Bearer " + token).build();
	}

}
