package cn.talentexchange.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Production identity: phones sign in with Firebase Authentication and send its ID token. Roles, county
 * and organisations are the account's custom claims.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${talent.security.firebase-project-id:}'.isEmpty()")
class FirebaseTokenConfiguration {

	/** Google's published keys for Firebase ID tokens. */
	private static final String FIREBASE_KEYS = "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com";

	@Bean
	ReactiveJwtDecoder firebaseJwtDecoder(SecuritySettings settings) {
		String project = settings.firebaseProjectId();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(FIREBASE_KEYS).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer("https://securetoken.google.com/" + project),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(project))));
		return decoder;
	}

}
