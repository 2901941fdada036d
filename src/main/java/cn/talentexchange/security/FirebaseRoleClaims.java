package cn.talentexchange.security;

import java.util.HashMap;
import java.util.Map;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.FirebaseApp;
import com.google.firebase.auth.FirebaseAuth;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import reactor.core.publisher.Mono;

/**
 * Sets a staff account's roles, county and organisations as its Firebase custom claims ({@code roles},
 * {@code county}, {@code orgs}: what {@link Caller} reads from the ID token), through the Firebase Admin SDK.
 * The account's Firebase uid is its username, the token's subject.
 */
final class FirebaseRoleClaims implements RoleClaims {

	private final FirebaseAuth auth;

	FirebaseRoleClaims(FirebaseApp app) {
		this.auth = FirebaseAuth.getInstance(app);
	}

	@Override
	public Mono<Void> publish(StaffUser user) {
		Map<String, Object> claims = new HashMap<>();
		claims.put(Caller.ROLES_CLAIM, user.roles().stream().map(Role::name).sorted().toList());
		if (user.countyId() != null) {
			claims.put(Caller.COUNTY_CLAIM, user.countyId());
		}
		if (user.organisationIds() != null && !user.organisationIds().isEmpty()) {
			claims.put(Caller.ORGANISATIONS_CLAIM, user.organisationIds().stream().sorted().toList());
		}
		return Mono.defer(() -> toMono(auth.setCustomUserClaimsAsync(user.username(), claims)))
			.onErrorMap(failure -> !(failure instanceof ApiProblem), failure -> new ApiProblem(
					ProblemType.IDENTITY_PROVIDER_FAILED, "The roles are saved, but Firebase did not take them as custom "
							+ "claims (" + failure.getMessage() + "); send the change again"));
	}

	private static Mono<Void> toMono(ApiFuture<Void> future) {
		return Mono.create(sink -> ApiFutures.addCallback(future, new ApiFutureCallback<Void>() {

			@Override
			public void onSuccess(Void result) {
				sink.success();
			}

			@Override
			public void onFailure(Throwable failure) {
				sink.error(failure);
			}

		}, MoreExecutors.directExecutor()));
	}

}
