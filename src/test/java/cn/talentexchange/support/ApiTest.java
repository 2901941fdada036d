package cn.talentexchange.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An integration test against the running server on the embedded (in-memory) database with the seeds
 * loaded. Every exchange is checked against {@code api-spec/openapi.yaml}; tests must read each
 * response's body (e.g. {@code expectBody()}) so the check sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(QuickNettyShutdown.class)
public abstract class ApiTest {

	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

	@LocalServerPort
	protected int port;

	/** A client with no token. */
	protected WebTestClient anonymous() {
		return raw().mutate().entityExchangeResultConsumer(ApiContract.get()::verify).build();
	}

	/** A client signed in as a seed (or API-created) account. */
	protected WebTestClient as(String username) {
		return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(username)).build();
	}

	/** A dev token of a seed (or API-created) account, made once per server. */
	protected String tokenOf(String username) {
		return TOKENS.computeIfAbsent(port + "/" + username, key -> token(username));
	}

	/** A client outside the API's contract (the served spec, Swagger UI, actuator), with no token. */
	protected WebTestClient raw() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	/** The Prometheus scrape, as an admin reads it. */
	protected String scrape() {
		return raw().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf("admin"))
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private String token(String username) {
		Map<?, ?> answer = anonymous().post()
			.uri("/api/v1/dev/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username))
			.exchange()
			.expectStatus().isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (String) answer.get("accessToken");
	}

}
