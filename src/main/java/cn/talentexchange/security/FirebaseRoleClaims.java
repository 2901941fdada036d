package cn.talentexchange.security;

import java.util.HashMap;
import java.util.Map;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.FirebaseApp;
import com.google.firebase.auth.FirebaseAuth;
import tools.jackson.databind.json.JsonMapper;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import reactor.core.publisher.Mono;

/**
 * Sets a staff account's roles, county, organisations and locale as its Firebase custom claims ({@code roles},
 * {@code county}, {@code orgs}, {@code locale}: what {@link Caller} reads from the ID token), through the
 * Firebase Admin SDK. The account's Firebase uid is its username, the token's subject. The claims are the
 * server's: setting them replaces whatever custom claims the account had.
 */
final class FirebaseRoleClaims implements RoleClaims {

	/** Firebase refuses custom claims longer than this, as JSON. */
	private static final int MAX_CLAIMS_LENGTH = 1000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FirebaseAuth auth;

	FirebaseRoleClaims(FirebaseApp app) {
		this.auth = FirebaseAuth.getInstance(app);
	}

	/** The claims fit, and Firebase knows the account. */
	@Override
	public Mono<Void> check(StaffUser user) {
		int length = JSON.writeValueAsString(claims(user)).length();
		if (length > MAX_CLAIMS_LENGTH) {
			return Mono.error(ApiProblem.invalid("organisationIds", "the roles and organisations take " + length
					+ " characters as Firebase claims, more than the " + MAX_CLAIMS_LENGTH + " Firebase allows"));
		}
		return Mono.defer(() -> toMono(auth.getUserAsync(user.username())))
			.onErrorMap(failure -> new ApiProblem(ProblemType.IDENTITY_PROVIDER_FAILED,
					"Firebase does not know the account '" + user.username() + "' (" + failure.getMessage() + ")"))
			.then();
	}

	@Override
	public Mono<Void> publish(StaffUser user) {
		return Mono.defer(() -> toMono(auth.setCustomUserClaimsAsync(user.username(), claims(user))))
			.onErrorMap(failure -> new ApiProblem(ProblemType.IDENTITY_PROVIDER_FAILED, "The roles are saved, but "
					+ "Firebase did not take them as custom claims (" + failure.getMessage() + "); send the change again"))
			.then();
	}

	private static Map<String, Object> claims(StaffUser user) {
		Map<String, Object> claims = new HashMap<>();
		claims.put(Caller.ROLES_CLAIM, user.roles().stream().map(Role::name).sorted().toList());
		if (user.countyId() != null) {
			claims.put(Caller.COUNTY_CLAIM, user.countyId());
		}
		if (user.organisationIds() != null && !user.organisationIds().isEmpty()) {
			claims.put(Caller.ORGANISATIONS_CLAIM, user.organisationIds().stream().sorted().toList());
		}
		if (user.locale() != null) {
			claims.put(Caller.LOCALE_CLAIM, user.locale());
		}
		return claims;
	}

	private static <T> Mono<T> toMono(ApiFuture<T> future) {
		return Mono.create(sink -> ApiFutures.addCallback(future, new ApiFutureCallback<T>() {

			@Override
			public void onSuccess(T result) {
				sink.success(result);
			}

			@Override
			public void onFailure(Throwable failure) {
				sink.error(failure);
			}

		}, MoreExecutors.directExecutor()));
	}

}
