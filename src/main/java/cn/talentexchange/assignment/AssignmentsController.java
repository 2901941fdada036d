package cn.talentexchange.assignment;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.expert.ExpertCard;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Experts answer offers and report visits; agencies and coordinators follow and cancel them. */
@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentsController {

	/** A hand-made offer is usually agreed by phone first; it still needs the expert's tap. */
	private static final Duration ANSWER_WITHIN = Duration.ofHours(24);

	private static final Sort BY_DATE = Sort.by(Sort.Order.asc("date"), Sort.Order.asc("_id"));

	/** {@link #BY_DATE} for lists sorted in memory. */
	private static final Comparator<Assignment> BY_DATE_IN_MEMORY = Comparator.comparing(Assignment::date)
		.thenComparing(Assignment::id);

	private final AssignmentLifecycle lifecycle;

	private final PagedQueries pages;

	private final Experts experts;

	private final Assignments assignments;

	private final OfferReasons offerReasons;

	AssignmentsController(AssignmentLifecycle lifecycle, PagedQueries pages, Experts experts, Assignments assignments,
			OfferReasons offerReasons) {
		this.assignments = assignments;
		this.offerReasons = offerReasons;
		this.lifecycle = lifecycle;
		this.pages = pages;
		this.experts = experts;
	}

	@GetMapping("/me")
	Mono<PagedList<AssignmentView>> mine(Caller caller, @RequestParam(required = false) Stage stage,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		return experts.idOf(caller)
			.flatMap(expertId -> assignments.ofExpert(expertId)
				.filter(assignment -> stage == null || stage.statuses.contains(assignment.status()))
				.sort(BY_DATE_IN_MEMORY)
				.collectList())
			.map(mine -> PagedList.slice(mine, paging).map(assignment -> AssignmentView.of(assignment, null)));
	}

	/** Coordinators see all; a county agency the assignments on its county's requests. */
	@GetMapping
	Mono<PagedList<AssignmentView>> list(Caller caller, @RequestParam(required = false) String requestId,
			@RequestParam(required = false) AssignmentStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		String county = caller.countyId().orElse("");
		Mono<PagedList<Assignment>> listed;
		if (requestId != null) {
			// One request's seats: its own list, not a search of every assignment ever made.
			listed = assignments.ofRequest(requestId)
				.filter(assignment -> (caller.isCoordinator() || county.equals(assignment.countyId()))
						&& (status == null || status == assignment.status()))
				.sort(BY_DATE_IN_MEMORY)
				.collectList()
				.map(found -> PagedList.slice(found, paging));
		}
		else {
			Criteria filter = caller.isCoordinator() ? new Criteria() : Criteria.where("countyId").is(county);
			if (status != null) {
				filter = filter.and("status").is(status);
			}
			listed = pages.page(Query.query(filter), BY_DATE, paging, Assignment.class);
		}
		return listed
			.flatMap(found -> experts.cards(found.items().stream().map(Assignment::expertId).distinct().toList())
				.collectMap(ExpertCard::id, Function.identity())
				.map(byId -> found.map(assignment -> AssignmentView.of(assignment, byId.get(assignment.expertId())))));
	}

	/**
	 * One assignment, what a push's {@code subjectId} opens: an expert reads their own, with why the planner chose
	 * them, a county agency those of its county (with the expert's contact), a coordinator any. Anyone else's is a
	 * 404, as if it did not exist.
	 */
	@GetMapping("/{id}")
	Mono<ResponseEntity<AssignmentView>> one(Caller caller, @PathVariable String id) {
		Mono<String> ownExpertId = caller.has(Role.EXPERT) ? experts.idOf(caller).onErrorResume(ApiProblem.class,
				noProfile -> Mono.just("")) : Mono.just("");
		return Mono.zip(assignments.find(id), ownExpertId)
			.flatMap(found -> {
				Assignment assignment = found.getT1();
				boolean staff = caller.isCoordinator()
						|| caller.has(Role.COUNTY_AGENCY) && caller.countyId().filter(assignment.countyId()::equals).isPresent();
				if (staff) {
					return experts.cards(List.of(assignment.expertId())).next()
						.map(card -> AssignmentView.of(assignment, card))
						.defaultIfEmpty(AssignmentView.of(assignment, null))
						.map(view -> ResponseEntity.ok().eTag(ExpectedVersion.entityTag(assignment.version())).body(view));
				}
				if (!assignment.expertId().equals(found.getT2())) {
					return Mono.empty();
				}
				Locale reader = caller.locale() == null ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(caller.locale());
				return offerReasons.of(assignment, reader)
					.map(reasons -> ResponseEntity.ok().eTag(ExpectedVersion.entityTag(assignment.version()))
						.body(AssignmentView.of(assignment, null).withWhyYou(reasons)));
			})
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("assignment", id)));
	}

	@PostMapping("/{id}/accept")
	Mono<ResponseEntity<AssignmentView>> accept(Caller caller, @PathVariable String id) {
		return lifecycle.accept(id, caller).map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/decline")
	Mono<ResponseEntity<AssignmentView>> decline(Caller caller, @PathVariable String id,
			@Valid @RequestBody Decline decline) {
		return lifecycle.decline(id, caller, decline.reason(), decline.note()).map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/check-in")
	Mono<ResponseEntity<AssignmentView>> checkIn(Caller caller, @PathVariable String id) {
		return lifecycle.checkIn(id, caller).map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/complete")
	Mono<ResponseEntity<AssignmentView>> complete(Caller caller, @PathVariable String id,
			@Valid @RequestBody Completion completion) {
		return lifecycle.complete(id, caller, completion.hours()).map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/cancel")
	Mono<ResponseEntity<AssignmentView>> cancel(Caller caller, @PathVariable String id,
			@Valid @RequestBody Cancellation cancellation) {
		return lifecycle.cancel(id, caller, cancellation.reason()).map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/no-show")
	Mono<ResponseEntity<AssignmentView>> noShow(Caller caller, @PathVariable String id,
			@Valid @RequestBody(required = false) NoShow input) {
		return lifecycle.noShow(id, caller, input == null ? null : input.note()).map(AssignmentsController::versioned);
	}

	/** The new offer for the seat; the replaced assignment is cancelled with the same reason. */
	@PostMapping("/{id}/reassign")
	Mono<ResponseEntity<AssignmentView>> reassign(Caller caller, @PathVariable String id,
			@Valid @RequestBody Reassignment input) {
		return lifecycle.reassign(id, caller, input.expertId(), input.reason(), Boolean.TRUE.equals(input.override()),
				ANSWER_WITHIN)
			.map(AssignmentsController::versioned);
	}

	@PostMapping("/{id}/feedback")
	Mono<ResponseEntity<AssignmentView>> feedback(Caller caller, @PathVariable String id,
			@Valid @RequestBody FeedbackInput input) {
		return lifecycle.giveFeedback(id, caller, input.rating(), input.outcome(), input.comment())
			.map(AssignmentsController::versioned);
	}

	private static ResponseEntity<AssignmentView> versioned(Assignment assignment) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(assignment.version())).body(AssignmentView.of(assignment, null));
	}

	/** Where an assignment is in an expert's life: waiting for an answer, coming up, or behind. */
	enum Stage {

		OFFERED(List.of(AssignmentStatus.OFFERED)),
		UPCOMING(List.of(AssignmentStatus.ACCEPTED, AssignmentStatus.CHECKED_IN)),
		PAST(List.of(AssignmentStatus.COMPLETED, AssignmentStatus.DECLINED, AssignmentStatus.EXPIRED,
				AssignmentStatus.CANCELLED, AssignmentStatus.NO_SHOW));

		private final List<AssignmentStatus> statuses;

		Stage(List<AssignmentStatus> statuses) {
			this.statuses = statuses;
		}

	}

	record Decline(@NotNull DeclineReason reason, @Size(max = 500) String note) {
	}

	record Completion(@NotNull @DecimalMin("0.5") @DecimalMax("48") Double hours) {
	}

	record Cancellation(@NotBlank @Size(max = 500) String reason) {
	}

	record NoShow(@Size(max = 500) String note) {
	}

	/** @param override break the rules that allow it (skill, availability, cap, travel, a decline, a conflict), knowingly */
	record Reassignment(@NotBlank @Size(max = 64) String expertId, @NotBlank @Size(max = 500) String reason,
			Boolean override) {
	}

	record FeedbackInput(@NotNull @Min(1) @Max(5) Integer rating, @NotNull Assignment.Outcome outcome,
			@Size(max = 2000) String comment) {
	}

}
