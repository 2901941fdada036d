package cn.talentexchange.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenApiTest extends ApiTest {

	@Autowired
	RSAKey localSigningKey;

	@Test
	void aSeedAccountGetsABearerTokenCarryingItsRoleAndCounty() {
		anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "agency-kangping"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.tokenType").isEqualTo("Bearer")
			.jsonPath("$.expiresIn").isEqualTo(43200);
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
		expectUnauthorized(sign(stranger, Instant.now().plusSeconds(600)));
	}

	@Test
	void anExpiredTokenIsRejected() {
		expectUnauthorized(sign(localSigningKey, Instant.now().minusSeconds(120)));
	}

	@Test
	void aTokenMustNameThisApiAsItsAudienceAndCarryAnExpiry() {
		Instant inAnHour = Instant.now().plusSeconds(3600);
		String good = sign(localSigningKey, JwtClaimsSet.builder().audience(List.of(LocalTokenConfiguration.AUDIENCE))
			.expiresAt(inAnHour));
		anonymous().mutate().defaultHeader("Authorization", "Bearer " + good).build()
			.get().uri("/api/v1/counties").exchange().expectStatus().isOk().expectBody();

		expectUnauthorized(sign(localSigningKey, JwtClaimsSet.builder().expiresAt(inAnHour)));
		expectUnauthorized(sign(localSigningKey, JwtClaimsSet.builder().audience(List.of("another-api")).expiresAt(inAnHour)));
		expectUnauthorized(sign(localSigningKey, JwtClaimsSet.builder().audience(List.of(LocalTokenConfiguration.AUDIENCE))));
	}

	@Test
	void healthIsPublicAndPingsTheDatabase() {
		WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
			.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private void expectUnauthorized(String token) {
		anonymous().mutate().defaultHeader("Authorization", "Bearer " + token).build()
			.get().uri("/api/v1/counties").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:unauthenticated");
	}

	private static String sign(RSAKey key, Instant expiresAt) {
		return sign(key, JwtClaimsSet.builder().audience(List.of(LocalTokenConfiguration.AUDIENCE)).expiresAt(expiresAt));
	}

	/** A coordinator's token with the given claims, issued an hour before now. */
	static String sign(RSAKey key, JwtClaimsSet.Builder claims) {
		JwtClaimsSet built = claims.issuer(LocalTokenConfiguration.ISSUER)
			.subject("coordinator")
			.issuedAt(Instant.now().minusSeconds(3600))
			.claim(Caller.ROLES_CLAIM, List.of("COORDINATOR"))
			.build();
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), built))
			.getTokenValue();
	}

}
