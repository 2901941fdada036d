package cn.talentexchange.security;

import com.google.firebase.FirebaseApp;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Local tokens read the stored roles; Firebase tokens carry them as claims set through the Admin SDK. */
@Configuration(proxyBeanMethods = false)
class RoleClaimsConfiguration {

	@Bean
	RoleClaims roleClaims(SecuritySettings settings, ObjectProvider<FirebaseApp> firebase) {
		if (!settings.usesFirebase()) {
			return user -> Mono.empty();
		}
		FirebaseApp app = firebase.getIfAvailable();
		if (app == null) {
			return user -> Mono.error(new ApiProblem(ProblemType.IDENTITY_PROVIDER_FAILED, "The roles are saved, but "
					+ "without Firebase credentials (GOOGLE_APPLICATION_CREDENTIALS) they cannot be set as custom claims"));
		}
		return new FirebaseRoleClaims(app);
	}

}
