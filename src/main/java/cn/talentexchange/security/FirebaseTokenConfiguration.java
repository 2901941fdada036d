package cn.talentexchange.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Production identity: phones sign in with Firebase Authentication and send its ID token. The token says who;
 * roles, county and organisations are read from the account in the store at every request (the custom claims
 * carry a copy for the phones).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${talent.security.firebase-project-id:}'.isEmpty()")
class FirebaseTokenConfiguration {

	@Bean
	ReactiveJwtDecoder firebaseJwtDecoder(SecuritySettings settings) {
		String project = settings.firebaseProjectId();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.firebaseKeysUri()).build();
		decoder.setJwtValidator(TokenRules.validator("https://securetoken.google.com/" + project, project));
		// Keys out of reach are the provider's failure, not the token's: security answers it as a 503, not a 500.
		return token -> decoder.decode(token)
			.onErrorMap(FirebaseTokenConfiguration::keysOutOfReach,
					unreachable -> new JwtException("Firebase's signing keys cannot be fetched", unreachable));
	}

	private static boolean keysOutOfReach(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof WebClientException) {
				return true;
			}
		}
		return false;
	}

}
