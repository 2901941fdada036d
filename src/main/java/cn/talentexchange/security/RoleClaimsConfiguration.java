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
			return new StoredOnly();
		}
		FirebaseApp app = firebase.getIfAvailable();
		if (app == null) {
			return new Unavailable("there are no Firebase credentials (GOOGLE_APPLICATION_CREDENTIALS)");
		}
		if (!settings.firebaseProjectId().equals(app.getOptions().getProjectId())) {
			return new Unavailable("the Firebase credentials are for project '" + app.getOptions().getProjectId()
					+ "', not '" + settings.firebaseProjectId() + "'");
		}
		return new FirebaseRoleClaims(app);
	}

	/** The local token endpoint reads the stored account: storing is all there is to do. */
	private record StoredOnly() implements RoleClaims {

		@Override
		public Mono<Void> check(StaffUser user) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> publish(StaffUser user) {
			return Mono.empty();
		}

	}

	/** Firebase tokens are accepted but their claims cannot be set: every change is refused before it is stored. */
	private record Unavailable(String why) implements RoleClaims {

		@Override
		public Mono<Void> check(StaffUser user) {
			return Mono.error(() -> new ApiProblem(ProblemType.IDENTITY_PROVIDER_FAILED,
					"Roles cannot be set as Firebase custom claims: " + why));
		}

		@Override
		public Mono<Void> publish(StaffUser user) {
			return check(user);
		}

	}

}
