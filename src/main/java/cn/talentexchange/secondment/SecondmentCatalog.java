package cn.talentexchange.secondment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.secondment.SecondmentPost.PostStatus;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Posts that host organisations offer and the candidates home organisations nominate, each in its HR's scope. */
@Component
class SecondmentCatalog {

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	private final SecondmentReferences organisations;

	private final ReferenceData references;

	private final Experts experts;

	private final Clock clock;

	SecondmentCatalog(ReactiveMongoTemplate mongo, PagedQueries pages, SecondmentReferences organisations,
			ReferenceData references, Experts experts, Clock clock) {
		this.mongo = mongo;
		this.pages = pages;
		this.organisations = organisations;
		this.references = references;
		this.experts = experts;
		this.clock = clock;
	}

	Mono<SecondmentPost> createPost(Caller caller, PostInput input) {
		return Mono.defer(() -> {
			checkPeriod("period", input.period());
			return organisations.organisation("hostOrganisationId", input.hostOrganisationId());
		}).flatMap(host -> {
			if (!HrScope.actsFor(caller, host.areaId())) {
				return Mono.error(ApiProblem.invalid("hostOrganisationId", "is not one of your organisations"));
			}
			if (!fitsAsHost(input.direction(), host)) {
				return Mono.error(ApiProblem.invalid("direction", input.direction() + " does not fit a host that is "
						+ host.sector() + " in the " + host.tier()));
			}
			Instant now = clock.instant();
			SecondmentPost post = new SecondmentPost("post-" + new ObjectId().toHexString(), host.id(), host.areaId(),
					input.role(), input.description(), input.requiredSkills(), input.period(), input.positions(),
					input.direction(), input.priority() == null ? Priority.NORMAL : input.priority(), PostStatus.OPEN,
					caller.username(), 0, now, now);
			return references.requireSkills("requiredSkills", input.requiredSkills().stream().map(RequiredSkill::skill).toList())
				.then(mongo.insert(post));
		});
	}

	Mono<SecondmentPost> post(String id, Caller caller) {
		return mongo.findOne(Query.query(HrScope.visible(caller, "hostAreaId").and("_id").is(id)), SecondmentPost.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("post", id)));
	}

	Mono<PagedList<SecondmentPost>> posts(Caller caller, PostStatus status, Paging paging) {
		Criteria filter = HrScope.visible(caller, "hostAreaId");
		if (status != null) {
			filter = filter.and("status").is(status);
		}
		return pages.page(Query.query(filter), Sort.by(Sort.Order.asc("period.start"), Sort.Order.asc("_id")), paging,
				SecondmentPost.class);
	}

	Mono<SecondmentCandidate> createCandidate(Caller caller, CandidateInput input) {
		return organisations.organisation("homeOrganisationId", input.homeOrganisationId()).flatMap(home -> {
			if (!HrScope.actsFor(caller, home.areaId())) {
				return Mono.error(ApiProblem.invalid("homeOrganisationId", "is not one of your organisations"));
			}
			for (int i = 0; i < input.availability().size(); i++) {
				checkPeriod("availability[" + i + "]", input.availability().get(i));
			}
			Mono<Void> expertExists = input.expertId() == null ? Mono.empty()
					: experts.findAllById(List.of(input.expertId())).hasElements().flatMap(found -> found ? Mono.<Void>empty()
							: Mono.error(ApiProblem.invalid("expertId", "no expert '" + input.expertId() + "'")));
			Instant now = clock.instant();
			SecondmentCandidate candidate = new SecondmentCandidate("cand-" + new ObjectId().toHexString(), input.name(),
					home.id(), home.areaId(), input.expertId(), input.skills(), input.availability(), input.preferredAreaIds(),
					caller.username(), List.of(), 0, now, now);
			return references.requireSkills("skills", input.skills().stream().map(HeldSkill::skill).toList())
				.then(expertExists)
				.then(mongo.insert(candidate));
		});
	}

	Mono<SecondmentCandidate> candidate(String id, Caller caller) {
		return mongo.findOne(Query.query(HrScope.visible(caller, "homeAreaId").and("_id").is(id)), SecondmentCandidate.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("candidate", id)));
	}

	Mono<PagedList<SecondmentCandidate>> candidates(Caller caller, Paging paging) {
		return pages.page(Query.query(HrScope.visible(caller, "homeAreaId")), Sort.by("name", "_id"), paging,
				SecondmentCandidate.class);
	}

	/** Closes the open posts whose period has begun: nobody new can join a secondment already under way. */
	Mono<Long> closeStarted() {
		return mongo.updateMulti(Query.query(Criteria.where("status").is(PostStatus.OPEN)
			.and("period.start").lt(LocalDate.now(clock))), new Update().set("status", PostStatus.CLOSED)
				.set("updatedAt", clock.instant()).inc("version", 1), SecondmentPost.class)
			.map(result -> result.getModifiedCount());
	}

	/** The host side of a direction: an enterprise takes government cadres, a county takes city cadres, and so on. */
	static boolean fitsAsHost(Direction direction, SecondmentOrganisation host) {
		return switch (direction) {
			case GOVERNMENT_TO_ENTERPRISE -> host.sector() == Sector.ENTERPRISE;
			case ENTERPRISE_TO_GOVERNMENT -> host.sector() == Sector.GOVERNMENT;
			case CITY_TO_COUNTY -> host.tier() == Tier.COUNTY;
			case COUNTY_TO_CITY -> host.tier() == Tier.CITY;
		};
	}

	private static void checkPeriod(String field, Period period) {
		if (period.end().isBefore(period.start())) {
			throw ApiProblem.invalid(field + ".end", "must not be before the start");
		}
	}

	/** A new post; its period runs from start to end, both days included. */
	record PostInput(@NotBlank @Size(max = 64) String hostOrganisationId, @NotBlank @Size(max = 200) String role,
			@Size(max = 4000) String description, @NotEmpty @Size(max = 10) List<@Valid @NotNull RequiredSkill> requiredSkills,
			@NotNull @Valid Period period, @Min(1) @Max(20) int positions, @NotNull Direction direction,
			Priority priority) {
	}

	/** A nominated cadre; {@code expertId} links their weekend-expert profile, if they have one. */
	record CandidateInput(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 64) String homeOrganisationId,
			@Size(max = 64) String expertId, @NotEmpty @Size(max = 20) List<@Valid @NotNull HeldSkill> skills,
			@NotEmpty @Size(max = 10) List<@Valid @NotNull Period> availability,
			@Size(max = 12) List<@NotBlank @Size(max = 64) String> preferredAreaIds) {
	}

}
