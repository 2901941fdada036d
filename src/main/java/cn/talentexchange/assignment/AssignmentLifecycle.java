package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.Outbox;
import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The answers to an offer and what follows. Every transition is one conditional update whose filter holds
 * the caller's scope and the expected status: two taps, or an accept racing a cancellation, cannot both win;
 * the loser gets 409 with the current status.
 */
@Component
class AssignmentLifecycle {

	/** The statuses in which an assignment holds its seat position, and so can be reassigned. */
	private static final Set<AssignmentStatus> HOLDER = EnumSet.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED);

	/** Set on a released assignment: the id of the hand-made offer that replaced it. */
	private static final String REPLACED_BY = "replacedBy";

	private final ConditionalUpdates updates;

	private final Experts experts;

	private final Clock clock;

	private final Assignments assignments;

	private final ReactiveMongoTemplate mongo;

	private final Outbox outbox;

	private final SeatRuleCheck rules;

	private final OfferMeters meters;

	AssignmentLifecycle(ConditionalUpdates updates, Experts experts, Clock clock, Assignments assignments,
			ReactiveMongoTemplate mongo, Outbox outbox, SeatRuleCheck rules, OfferMeters meters) {
		this.rules = rules;
		this.meters = meters;
		this.outbox = outbox;
		this.updates = updates;
		this.experts = experts;
		this.clock = clock;
		this.assignments = assignments;
		this.mongo = mongo;
	}

	/**
	 * A coordinator overrides the planner: the seat position goes to another expert as a new offer, and the current
	 * holder's offer or acceptance is cancelled, the reason kept on both. Only the current holder's assignment can be
	 * reassigned, and the release comes first, as one conditional update that names the new offer: of two
	 * reassignments racing, one wins and the other is a 409, so a seat never has two holders. A retry of the same
	 * reassignment after a crash between the two writes completes it.
	 *
	 * <p>What cannot happen (one person on two seats of a visit, or in two places on one day) is refused. Every other
	 * hard rule the expert would break needs {@code override} and is then listed on the new offer's history.
	 */
	Mono<Assignment> reassign(String id, Caller caller, String expertId, String reason, boolean override,
			Duration answerWithin) {
		return mongo.findById(id, Assignment.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("assignment", id)))
			.flatMap(current -> {
				if (current.expertId().equals(expertId)) {
					return Mono.error(ApiProblem.invalid("expertId", "is the expert the seat already has"));
				}
				String offerId = Assignments.handOfferId(current, expertId);
				if (!HOLDER.contains(current.status())) {
					return replacedBy(current.id())
						.filter(offerId::equals)
						.flatMap(sameReassignment -> assignments.offerByHand(current, expertId, caller.username(), reason,
								clock.instant().plus(answerWithin), List.of()))
						.switchIfEmpty(Mono.error(() -> ConditionalUpdates.invalidState(
								"reassign a seat this assignment no longer holds", current.status())));
				}
				return experts.findAllById(List.of(expertId))
					.filter(expert -> expert.status() == ExpertStatus.ACTIVE)
					.next()
					.switchIfEmpty(Mono.error(() -> ApiProblem.invalid("expertId", "no active expert with this id")))
					.flatMap(expert -> rules.check(current, expertId))
					.flatMap(broken -> allowed(broken, override))
					.flatMap(overridden -> move(current.id(), "reassign the seat", Criteria.where("_id").is(current.id()),
							Criteria.where("status").in(HOLDER), AssignmentStatus.CANCELLED, caller, "REASSIGNED_BY_HAND", reason,
							new Update().set(REPLACED_BY, offerId), released -> AssignmentNotices.withdrawn(released,
									clock.instant(), clock.getZone()))
						.flatMap(released -> assignments.offerByHand(current, expertId, caller.username(), reason,
								clock.instant().plus(answerWithin), overridden)));
			});
	}

	/** The rules the change may break: none that cannot be broken, and the others only when overriding. */
	private static Mono<List<String>> allowed(SeatRuleCheck.BrokenRules broken, boolean override) {
		if (!broken.impossible().isEmpty()) {
			return Mono.error(new ApiProblem(ProblemType.RULE_BROKEN, "This cannot be: " + String.join(", ",
					broken.impossible()), Map.of("rules", broken.impossible(), "overridable", false)));
		}
		if (!broken.overridable().isEmpty() && !override) {
			return Mono.error(new ApiProblem(ProblemType.RULE_BROKEN, "The expert would break: " + String.join(", ",
					broken.overridable()) + ". Send \"override\": true to decide so, with your reason",
					Map.of("rules", broken.overridable(), "overridable", true)));
		}
		return Mono.just(broken.overridable());
	}

	/** The hand-made offer a released assignment names, if a reassignment released it. */
	private Mono<String> replacedBy(String id) {
		Query released = Query.query(Criteria.where("_id").is(id));
		released.fields().include(REPLACED_BY);
		return mongo.findOne(released, Document.class, mongo.getCollectionName(Assignment.class))
			.mapNotNull(stored -> stored.getString(REPLACED_BY));
	}

	/** OFFERED to ACCEPTED, by the offered expert, before the offer's deadline. */
	Mono<Assignment> accept(String id, Caller caller) {
		Instant now = clock.instant();
		return experts.idOf(caller).flatMap(expertId -> move(id, "accept the offer", byExpert(id, expertId),
				Criteria.where("status").is(AssignmentStatus.OFFERED).and("offerDeadline").gt(now), AssignmentStatus.ACCEPTED,
				caller, null, null, new Update(), offer -> AssignmentNotices.accepted(offer, now, clock.getZone())))
			.doOnNext(accepted -> meters.accepted());
	}

	/** OFFERED to DECLINED: the planner will never offer this request to the expert again. */
	Mono<Assignment> decline(String id, Caller caller, DeclineReason reason, String note) {
		return experts.idOf(caller).flatMap(expertId -> move(id, "decline the offer", byExpert(id, expertId),
				Criteria.where("status").is(AssignmentStatus.OFFERED), AssignmentStatus.DECLINED, caller, reason.name(), note,
				new Update(), offer -> List.of()))
			.doOnNext(declined -> {
				meters.declined(reason);
				assignments.seatFreed(declined.requestId());
			});
	}

	/** ACCEPTED to CHECKED_IN, on a day of the visit. */
	Mono<Assignment> checkIn(String id, Caller caller) {
		LocalDate today = LocalDate.now(clock);
		Criteria onVisitDay = new Criteria().orOperator(Criteria.where("date").is(today),
				Criteria.where("date").is(today.minusDays(1)).and("wholeWeekend").is(true));
		return experts.idOf(caller).flatMap(expertId -> move(id, "check in", byExpert(id, expertId),
				Criteria.where("status").is(AssignmentStatus.ACCEPTED).andOperator(onVisitDay), AssignmentStatus.CHECKED_IN,
				caller, null, null, new Update(), accepted -> List.of()));
	}

	/** CHECKED_IN to COMPLETED, with the hours given. */
	Mono<Assignment> complete(String id, Caller caller, double hours) {
		return experts.idOf(caller).flatMap(expertId -> move(id, "complete the visit", byExpert(id, expertId),
				Criteria.where("status").is(AssignmentStatus.CHECKED_IN), AssignmentStatus.COMPLETED, caller, null, null,
				new Update().set("hours", hours), checkedIn -> List.of()));
	}

	/** A county agency (its own county) or a coordinator calls off an offered or accepted visit. */
	Mono<Assignment> cancel(String id, Caller caller, String reason) {
		return move(id, "cancel the assignment", countyScope(id, caller),
				Criteria.where("status").in(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED), AssignmentStatus.CANCELLED,
				caller, "CANCELLED_BY_" + (caller.isCoordinator() ? Role.COORDINATOR : Role.COUNTY_AGENCY), reason,
				new Update(), held -> AssignmentNotices.cancelled(held, clock.instant(), clock.getZone()))
			.doOnNext(cancelled -> assignments.seatFreed(cancelled.requestId()));
	}

	/**
	 * ACCEPTED to NO_SHOW: the expert did not come. Recorded by the county's agency or a coordinator from the
	 * day of the visit on; an expert who checked in cannot be marked absent.
	 */
	Mono<Assignment> noShow(String id, Caller caller, String note) {
		return move(id, "record a no-show", countyScope(id, caller),
				Criteria.where("status").is(AssignmentStatus.ACCEPTED).and("date").lte(LocalDate.now(clock)),
				AssignmentStatus.NO_SHOW, caller, "NO_SHOW", note, new Update(), accepted -> List.of());
	}

	/** The county rates a completed visit, once; coordinators may record it for the county. */
	Mono<Assignment> giveFeedback(String id, Caller caller, int rating, Assignment.Outcome outcome, String comment) {
		Assignment.Feedback feedback = new Assignment.Feedback(rating, outcome, comment, caller.username(), clock.instant());
		return updates.setOnce(Assignment.class, "assignment", countyScope(id, caller),
				Criteria.where("status").is(AssignmentStatus.COMPLETED),
				current -> current.status() != AssignmentStatus.COMPLETED || current.feedback() != null,
				new Update().set("feedback", feedback),
				current -> current.status() == AssignmentStatus.COMPLETED
						? new ApiProblem(ProblemType.INVALID_STATE, "Feedback on this visit was already given",
								Map.of("currentStatus", current.status().name()))
						: ConditionalUpdates.invalidState("give feedback", current.status()));
	}

	/**
	 * One transition with the notices it owes in the same update. The notices are written from the fields an
	 * assignment never changes (expert, request, date), read just before.
	 */
	private Mono<Assignment> move(String id, String action, Criteria scope, Criteria precondition, AssignmentStatus to,
			Caller caller, String reason, String note, Update update, Function<Assignment, List<Notice>> owed) {
		Assignment.Transition transition = new Assignment.Transition(to, clock.instant(), caller.username(), reason, note);
		update.set("status", to).push("history", transition);
		return mongo.findOne(Query.query(scope), Assignment.class)
			.map(owed)
			.defaultIfEmpty(List.of())
			.flatMap(notices -> updates.transition(Assignment.class, "assignment", scope, null, precondition,
					Outbox.append(update, notices), current -> refusal(action, current))
				.doOnNext(changed -> {
					if (!notices.isEmpty()) {
						outbox.nudge();
					}
				}));
	}

	private ApiProblem refusal(String action, Assignment current) {
		if (current.status() == AssignmentStatus.OFFERED && !current.offerDeadline().isAfter(clock.instant())) {
			return new ApiProblem(ProblemType.INVALID_STATE, "The offer closed at " + current.offerDeadline(),
					Map.of("currentStatus", AssignmentStatus.EXPIRED.name()));
		}
		if (current.status() == AssignmentStatus.ACCEPTED && (action.equals("check in") || action.equals("record a no-show"))) {
			return new ApiProblem(ProblemType.INVALID_STATE, "This opens on the day of the visit, " + current.date(),
					Map.of("currentStatus", current.status().name()));
		}
		return ConditionalUpdates.invalidState(action, current.status());
	}

	/** Coordinators act on any assignment, a county agency on those of its county. */
	private static Criteria countyScope(String id, Caller caller) {
		Criteria scope = Criteria.where("_id").is(id);
		return caller.isCoordinator() ? scope : scope.and("countyId").is(caller.countyId().orElse(""));
	}

	private static Criteria byExpert(String id, String expertId) {
		return Criteria.where("_id").is(id).and("expertId").is(expertId);
	}

}
