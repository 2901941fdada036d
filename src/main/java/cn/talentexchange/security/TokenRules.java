package cn.talentexchange.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** What every accepted token must carry, whoever issued it: our issuer, our audience, and an expiry that has not passed. */
final class TokenRules {

	private TokenRules() {
	}

	static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				// The default checks an expiry only when there is one: a token without one would never expire.
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audiences -> audiences != null
						&& audiences.contains(audience)));
	}

}
