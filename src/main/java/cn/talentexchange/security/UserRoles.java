package cn.talentexchange.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administrators give staff accounts their roles, and the county or organisations they act for. */
@Component
class UserRoles {

	private static final Logger log = LoggerFactory.getLogger(UserRoles.class);

	/** Expert is not given: it comes with an expert profile. */
	private static final Set<Role> STAFF_ROLES = EnumSet.of(Role.COORDINATOR, Role.COUNTY_AGENCY, Role.HR_BUREAU,
			Role.ADMIN);

	private final ReactiveMongoTemplate mongo;

	private final ConditionalUpdates updates;

	private final ReferenceData references;

	private final RoleClaims claims;

	UserRoles(ReactiveMongoTemplate mongo, ConditionalUpdates updates, ReferenceData references, RoleClaims claims) {
		this.mongo = mongo;
		this.updates = updates;
		this.references = references;
		this.claims = claims;
	}

	Mono<StaffUser> find(String username) {
		return mongo.findOne(Query.query(byUsername(username)), StaffUser.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("staff account", username)));
	}

	/**
	 * Checks the change, and that the identity provider can take it, before storing it with a compare-and-set on
	 * the version; then publishes it where tokens get their roles. Tokens already issued keep their roles until
	 * they expire, so the administrator's own authority is read from the store, not from their token.
	 */
	Mono<StaffUser> change(Caller admin, String username, RoleChange change, ExpectedVersion expected) {
		Set<String> organisations = change.organisationIds() == null ? Set.of() : change.organisationIds();
		return stillAdministrator(admin)
			.then(check(admin, username, change, organisations))
			.then(find(username))
			.flatMap(current -> {
				if (!current.enabled()) {
					return Mono.error(new ApiProblem(ProblemType.INVALID_STATE, "The account is disabled",
							Map.of("currentStatus", "DISABLED")));
				}
				StaffUser changed = new StaffUser(current.id(), current.username(), current.displayName(), change.roles(),
						change.countyId(), organisations, current.locale(), true, current.version());
				return claims.check(changed);
			})
			.then(updates.update(StaffUser.class, "staff account", byUsername(username), expected,
					new Update().set("roles", change.roles()).set("countyId", change.countyId()).set("organisationIds",
							organisations)))
			.doOnNext(user -> log.info("{} set the roles of {} to {} (county {}, organisations {}), version {}",
					admin.username(), username, user.roles(), user.countyId(), user.organisationIds(), user.version()))
			.flatMap(user -> claims.publish(user).thenReturn(user));
	}

	private Mono<Void> stillAdministrator(Caller admin) {
		return mongo.exists(Query.query(byUsername(admin.username()).and("enabled").is(true).and("roles").is(Role.ADMIN)),
				StaffUser.class)
			.flatMap(stored -> stored ? Mono.<Void>empty() : Mono.error(new ApiProblem(ProblemType.FORBIDDEN,
					"Your stored account is no longer an enabled administrator")));
	}

	private Mono<Void> check(Caller admin, String username, RoleChange change, Set<String> organisations) {
		if (admin.username().equals(username)) {
			return Mono.error(new ApiProblem(ProblemType.OWN_ACCOUNT,
					"Another administrator has to change your roles, so that no one grants themselves more or locks "
							+ "everyone out"));
		}
		if (!STAFF_ROLES.containsAll(change.roles())) {
			return Mono.error(ApiProblem.invalid("roles", "staff accounts take COORDINATOR, COUNTY_AGENCY, HR_BUREAU or ADMIN"));
		}
		boolean agency = change.roles().contains(Role.COUNTY_AGENCY);
		if (agency != (change.countyId() != null)) {
			return Mono.error(ApiProblem.invalid("countyId", agency ? "a COUNTY_AGENCY needs the county it acts for"
					: "only a COUNTY_AGENCY acts for a county"));
		}
		boolean hr = change.roles().contains(Role.HR_BUREAU);
		if (hr != !organisations.isEmpty()) {
			return Mono.error(ApiProblem.invalid("organisationIds", hr ? "an HR_BUREAU needs the organisations it acts for"
					: "only an HR_BUREAU acts for organisations"));
		}
		Mono<Void> county = agency ? references.requireCounty("countyId", change.countyId()) : Mono.empty();
		Flux<Void> areas = Flux.fromIterable(organisations)
			.concatMap(area -> references.requireOrganisation("organisationIds", area)
				.onErrorResume(ApiProblem.class, notOrganisation -> references.requireCounty("organisationIds", area)
					.onErrorMap(ApiProblem.class,
							notCounty -> ApiProblem.invalid("organisationIds", "no district, park or county '" + area + "'"))));
		return county.thenMany(areas).then();
	}

	private static Criteria byUsername(String username) {
		return Criteria.where("username").is(username);
	}

}
