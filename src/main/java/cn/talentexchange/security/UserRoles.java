package cn.talentexchange.security;

import java.util.EnumSet;
import java.util.Set;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.ProblemType;
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
	 * Stores the change with a compare-and-set on the version, then publishes it where tokens get their roles.
	 * Tokens already issued keep their roles until they expire.
	 */
	Mono<StaffUser> change(Caller admin, String username, RoleChange change, ExpectedVersion expected) {
		return check(admin, username, change)
			.then(updates.update(StaffUser.class, "staff account", byUsername(username), expected,
					new Update().set("roles", change.roles())
						.set("countyId", change.countyId())
						.set("organisationIds", change.organisationIds() == null ? Set.of() : change.organisationIds())))
			.flatMap(user -> claims.publish(user).thenReturn(user));
	}

	private Mono<Void> check(Caller admin, String username, RoleChange change) {
		if (!STAFF_ROLES.containsAll(change.roles())) {
			return Mono.error(ApiProblem.invalid("roles", "staff accounts take COORDINATOR, COUNTY_AGENCY, HR_BUREAU or ADMIN"));
		}
		boolean agency = change.roles().contains(Role.COUNTY_AGENCY);
		if (agency != (change.countyId() != null)) {
			return Mono.error(ApiProblem.invalid("countyId", agency ? "a COUNTY_AGENCY needs the county it acts for"
					: "only a COUNTY_AGENCY acts for a county"));
		}
		boolean hr = change.roles().contains(Role.HR_BUREAU);
		boolean hasOrganisations = change.organisationIds() != null && !change.organisationIds().isEmpty();
		if (hr != hasOrganisations) {
			return Mono.error(ApiProblem.invalid("organisationIds", hr ? "an HR_BUREAU needs the organisations it acts for"
					: "only an HR_BUREAU acts for organisations"));
		}
		if (admin.username().equals(username) && !change.roles().contains(Role.ADMIN)) {
			return Mono.error(new ApiProblem(ProblemType.OWN_ADMIN_ROLE,
					"Another administrator has to take away your ADMIN role, so that one always remains"));
		}
		Mono<Void> county = agency ? references.requireCounty("countyId", change.countyId()) : Mono.empty();
		Flux<Void> organisations = Flux.fromIterable(hasOrganisations ? change.organisationIds() : Set.<String>of())
			.concatMap(area -> references.requireOrganisation("organisationIds", area)
				.onErrorResume(ApiProblem.class, notOrganisation -> references.requireCounty("organisationIds", area)
					.onErrorMap(ApiProblem.class,
							notCounty -> ApiProblem.invalid("organisationIds", "no district, park or county '" + area + "'"))));
		return county.thenMany(organisations).then();
	}

	private static Criteria byUsername(String username) {
		return Criteria.where("username").is(username);
	}

}
