package cn.talentexchange.security;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With Firebase configured and its keys out of reach, a request is told to come back (503), not that it failed (500). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = { "talent.security.firebase-project-id=demo-project",
		"talent.security.firebase-keys-uri=http://127.0.0.1:9/no-keys-here", "talent.embedded-mongo.database=no-keys" })
class UnreachableKeysTest {

	@LocalServerPort
	int port;

	@Test
	void aTokenThatCannotBeCheckedIsA503ProblemWithRetryAfter() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("firebase-key").generate();
		String token = TokenApiTest.sign(key, JwtClaimsSet.builder().audience(List.of("demo-project"))
			.expiresAt(Instant.now().plusSeconds(600)));

		WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
			.get().uri("/api/v1/counties").header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType("application/problem+json")
			.expectHeader().exists("Retry-After")
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:identity-unavailable");
	}

}
