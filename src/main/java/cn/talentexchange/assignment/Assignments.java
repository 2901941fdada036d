package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.database.IdList;
import cn.talentexchange.database.IdLists;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.Outbox;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The assignment module's service as other modules use it: offers from published plans, history for planning. */
@Component
public class Assignments {

	/** Each expert's assignments, for the phone's first read. */
	public static final IdList BY_EXPERT = new IdList("assignments-of-expert", "assignments", "expertId");

	/** Each request's assignments, for the county's roster and for planning. */
	public static final IdList BY_REQUEST = new IdList("assignments-of-request", "assignments", "requestId");

	/**
	 * The assignments that hold a seat now (offered, accepted, checked in): what the minute's schedule reads, few
	 * however long the history. Listed when made; the schedule takes out those that ended, none of which comes back.
	 */
	public static final IdList HOLDING_NOW = IdList.single("assignments-holding", "assignments",
			Criteria.where("status").in(AssignmentStatus.HOLDING));

	private static final int LIST_READS_UP_TO = 16;

	private final ReactiveMongoTemplate mongo;

	private final OfferMeters meters;

	private final IdLists lists;

	private final Clock clock;

	private final Outbox outbox;

	private final Sinks.Many<String> freedSeats = Sinks.many().multicast().directBestEffort();

	Assignments(ReactiveMongoTemplate mongo, IdLists lists, Clock clock, Outbox outbox, OfferMeters meters) {
		this.mongo = mongo;
		this.meters = meters;
		this.lists = lists;
		this.clock = clock;
		this.outbox = outbox;
	}

	/** Requests whose seat was just given back (declined, expired, cancelled): the replanner listens. */
	public Flux<String> freedSeats() {
		return freedSeats.asFlux();
	}

	void seatFreed(String requestId) {
		freedSeats.tryEmitNext(requestId);
	}

	/**
	 * Creates the offer unless it exists: the id is derived from the plan and the seat position, so a
	 * publish that is retried, or runs twice, creates each offer once.
	 *
	 * @return whether this call created it
	 */
	public Mono<Boolean> offer(NewOffer offer) {
		Assignment made = newOffer(offer, clock.instant());
		return listed(List.of(made)).then(mongo.insert(made))
			.doOnSuccess(created -> {
				meters.madeByPlan(1);
				outbox.nudge();
			})
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, exists -> Mono.just(false));
	}

	/**
	 * Creates the offers that do not exist yet, in one bulk insert: a whole published plan in a few round trips.
	 * Ids derive from the plan and the seat position as for {@link #offer}, so repeating a publish creates nothing
	 * twice; one racing this one is settled offer by offer.
	 *
	 * @return how many this call created
	 */
	public Mono<Integer> offerAll(Collection<NewOffer> offers) {
		Instant now = clock.instant();
		Map<String, Assignment> fresh = new LinkedHashMap<>();
		offers.forEach(offer -> {
			Assignment assignment = newOffer(offer, now);
			fresh.put(assignment.id(), assignment);
		});
		if (fresh.isEmpty()) {
			return Mono.just(0);
		}
		Query existing = Query.query(Criteria.where("_id").in(fresh.keySet()));
		existing.fields().include("_id");
		return mongo.find(existing, Document.class, mongo.getCollectionName(Assignment.class))
			.doOnNext(found -> fresh.remove(String.valueOf(found.get("_id"))))
			.then(Mono.defer(() -> fresh.isEmpty() ? Mono.just(0) : listed(fresh.values())
				.thenMany(mongo.insertAll(List.copyOf(fresh.values())))
				.count()
				.map(Long::intValue)
				.onErrorResume(DuplicateKeyException.class, raced -> Flux.fromIterable(fresh.values())
					.concatMap(one -> mongo.insert(one).thenReturn(1)
						.onErrorResume(DuplicateKeyException.class, exists -> Mono.just(0)))
					.reduce(0, Integer::sum))))
			.doOnNext(created -> {
				if (created > 0) {
					meters.madeByPlan(created);
					outbox.nudge();
				}
			});
	}

	private static Assignment newOffer(NewOffer offer, Instant now) {
		// URL-safe, so it can stand in a path as it is.
		return withOfferNotice(new Assignment(offer.planId() + "-" + offer.requestId() + "-" + offer.seat() + "-"
				+ offer.position(), offer.planId(), offer.requestId(), offer.countyId(), offer.seat(), offer.position(),
				offer.skill(), offer.date(), offer.wholeWeekend(), offer.expertId(), AssignmentStatus.OFFERED,
				offer.offerDeadline(), null, List.of(), null, 0, now, now, null, null), now);
	}

	/**
	 * A coordinator's hand-made offer for the seat position of {@code replaced}; its id derives from both, so
	 * repeating the same reassignment creates it once.
	 */
	Mono<Assignment> offerByHand(Assignment replaced, String expertId, String by, String reason, Instant deadline,
			List<String> overriddenRules) {
		Instant now = clock.instant();
		Assignment offer = withOfferNotice(new Assignment(handOfferId(replaced, expertId), replaced.planId(),
				replaced.requestId(), replaced.countyId(), replaced.seat(), replaced.position(), replaced.skill(),
				replaced.date(), replaced.wholeWeekend(), expertId, AssignmentStatus.OFFERED, deadline, null,
				List.of(new Assignment.Transition(AssignmentStatus.OFFERED, now, by, "REASSIGNED_BY_HAND", reason,
						overriddenRules)), null, 0, now, now, null, null), now);
		return listed(List.of(offer)).then(mongo.insert(offer))
			.doOnSuccess(created -> {
				meters.madeByHand();
				outbox.nudge();
			})
			.onErrorResume(DuplicateKeyException.class, exists -> mongo.findById(offer.id(), Assignment.class));
	}

	/** Names new assignments in their expert's and their request's lists, before they are written. */
	private Mono<Void> listed(Collection<Assignment> created) {
		return lists.add(BY_EXPERT, created, Assignment::expertId, Assignment::id)
			.then(lists.add(BY_REQUEST, created, Assignment::requestId, Assignment::id))
			.then(lists.add(HOLDING_NOW, created, assignment -> IdList.ALL, Assignment::id));
	}

	/** The assignments holding a seat now. */
	Flux<Assignment> holdingNow() {
		return lists.members(HOLDING_NOW, IdList.ALL, Assignment.class)
			.filter(found -> AssignmentStatus.HOLDING.contains(found.status()));
	}

	/** Takes out of {@link #HOLDING_NOW} the assignments that ended (or were never written); returns how many. */
	Mono<Integer> forgetEnded() {
		return lists.ids(HOLDING_NOW, IdList.ALL).flatMap(listed -> {
			if (listed.isEmpty()) {
				return Mono.just(0);
			}
			Query statuses = Query.query(Criteria.where("_id").in(listed));
			statuses.fields().include("_id", "status");
			return mongo.find(statuses, Document.class, mongo.getCollectionName(Assignment.class))
				.filter(found -> AssignmentStatus.HOLDING.stream().anyMatch(held -> held.name().equals(found.getString("status"))))
				.map(found -> String.valueOf(found.get("_id")))
				.collect(Collectors.toSet())
				.flatMap(holding -> {
					List<String> ended = listed.stream().filter(id -> !holding.contains(id)).toList();
					return lists.remove(HOLDING_NOW, IdList.ALL, ended).thenReturn(ended.size());
				});
		});
	}

	/** The assignment, whoever asks: callers check who may see it. */
	public Mono<Assignment> find(String id) {
		return mongo.findById(id, Assignment.class);
	}

	/** Every assignment the expert has had, whatever its state. */
	public Flux<Assignment> ofExpert(String expertId) {
		return lists.members(BY_EXPERT, expertId, Assignment.class).filter(found -> expertId.equals(found.expertId()));
	}

	/** Every assignment of the request's seats, whatever its state. */
	public Flux<Assignment> ofRequest(String requestId) {
		return lists.members(BY_REQUEST, requestId, Assignment.class).filter(found -> requestId.equals(found.requestId()));
	}

	/**
	 * For a few requests, their lists; for many (a plan's window), one search costs fewer round trips than a list
	 * and a fetch for each.
	 */
	private Flux<Assignment> ofRequests(Collection<String> requestIds, Collection<AssignmentStatus> statuses) {
		Set<String> distinct = Set.copyOf(requestIds);
		if (distinct.size() > LIST_READS_UP_TO) {
			return mongo.find(Query.query(Criteria.where("requestId").in(distinct).and("status").in(statuses)),
					Assignment.class);
		}
		return Flux.fromIterable(distinct).concatMap(this::ofRequest).filter(found -> statuses.contains(found.status()));
	}

	static String handOfferId(Assignment replaced, String expertId) {
		return replaced.id() + "-" + expertId;
	}

	/**
	 * A replan gave the seat to someone else: the offer is withdrawn and the expert told. Nothing changes
	 * when the expert answered meanwhile.
	 *
	 * @return whether the offer was withdrawn
	 */
	public Mono<Boolean> withdraw(String assignmentId, String planId) {
		return mongo.findById(assignmentId, Assignment.class)
			.flatMap(offer -> endBySystem(offer, EnumSet.of(AssignmentStatus.OFFERED), "REPLANNED", "plan " + planId,
					AssignmentNotices.withdrawn(offer, clock.instant(), clock.getZone())))
			.defaultIfEmpty(false);
	}

	/** The request was cancelled: every offer and accepted visit on it ends, and each expert is told. */
	public Mono<Long> cancelForCancelledRequest(String requestId) {
		return mongo.find(Query.query(Criteria.where("requestId").is(requestId)
			.and("status").in(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED)), Assignment.class)
			.concatMap(held -> endBySystem(held, EnumSet.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED),
					"REQUEST_CANCELLED", null, AssignmentNotices.cancelled(held, clock.instant(), clock.getZone())))
			.filter(Boolean::booleanValue)
			.count();
	}

	/** Requests with offers or accepted visits from the given date on, for the sweep of cancelled requests. */
	Flux<String> requestsHeldFrom(LocalDate from) {
		return holdingNow()
			.filter(held -> !held.date().isBefore(from)
					&& (held.status() == AssignmentStatus.OFFERED || held.status() == AssignmentStatus.ACCEPTED))
			.map(Assignment::requestId)
			.distinct();
	}

	private Mono<Boolean> endBySystem(Assignment current, Set<AssignmentStatus> from, String reason, String note,
			List<Notice> notices) {
		Instant now = clock.instant();
		Update end = new Update().set("status", AssignmentStatus.CANCELLED)
			.push("history", new Assignment.Transition(AssignmentStatus.CANCELLED, now, "system", reason, note))
			.set("updatedAt", now)
			.inc("version", 1);
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(current.id()).and("status").in(from)),
				Outbox.append(end, notices), Assignment.class)
			.map(result -> result.getModifiedCount() > 0)
			.doOnNext(ended -> {
				if (ended) {
					outbox.nudge();
				}
			});
	}

	/** The offer with its notice in its outbox: both are written by the one insert. */
	private static Assignment withOfferNotice(Assignment offer, Instant now) {
		return offer.withOutbox(AssignmentNotices.offered(offer, now));
	}

	/** Assignments in the given statuses whose visit falls between the dates (inclusive). */
	public Flux<Assignment> between(LocalDate from, LocalDate to, Collection<AssignmentStatus> statuses) {
		return mongo.find(Query.query(Criteria.where("date").gte(from).lte(to).and("status").in(statuses)),
				Assignment.class);
	}

	/** The offers and accepted visits a request has now, one per seat position at most. */
	public Flux<Assignment> holding(String requestId) {
		return ofRequests(List.of(requestId), AssignmentStatus.HOLDING);
	}

	/** Seats given back (declined, expired, cancelled) on these requests: their experts are not asked again. */
	public Flux<Assignment> givenBackOn(Collection<String> requestIds) {
		return ofRequests(requestIds, AssignmentStatus.GIVEN_BACK);
	}

	/** Seats given back (declined, expired, cancelled) on visits from the given date on. */
	public Flux<Assignment> givenBackFrom(LocalDate from) {
		return mongo.find(Query.query(Criteria.where("date").gte(from).and("status").in(AssignmentStatus.GIVEN_BACK)),
				Assignment.class);
	}


	/** The offers and accepted visits an expert holds with a visit between the dates (inclusive). */
	public Flux<Assignment> holdingOf(String expertId, LocalDate from, LocalDate to) {
		return ofExpert(expertId).filter(found -> AssignmentStatus.HOLDING.contains(found.status())
				&& !found.date().isBefore(from) && !found.date().isAfter(to));
	}

	/** Who said no to these requests; the planner never offers them those again. */
	public Flux<Assignment> declinesOf(Collection<String> requestIds) {
		return ofRequests(requestIds, Set.of(AssignmentStatus.DECLINED));
	}

	/** Who served the given requests (accepted or completed), for continuity on follow-ups. */
	public Flux<Assignment> servedOn(Collection<String> requestIds) {
		return ofRequests(requestIds,
				Set.of(AssignmentStatus.ACCEPTED, AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED));
	}

	public Flux<Assignment> ofPlan(String planId) {
		return mongo.find(Query.query(Criteria.where("planId").is(planId)), Assignment.class);
	}

	/** Whether another plan's offer or accepted visit already holds the expert on one of these days. */
	public Mono<Boolean> heldElsewhere(String expertId, String planId, LocalDate date, boolean wholeWeekend) {
		return holdingElsewhere(List.of(expertId), planId, date, date)
			.any(held -> clashes(held, date, wholeWeekend));
	}

	/**
	 * The offers and accepted visits of other plans that these experts hold from the day before {@code from} to the
	 * day after {@code to}: all a plan's publish needs to see whom another plan has booked since, in one read.
	 */
	public Flux<Assignment> holdingElsewhere(Collection<String> expertIds, String planId, LocalDate from, LocalDate to) {
		return mongo.find(Query.query(Criteria.where("expertId").in(expertIds).and("planId").ne(planId)
			.and("status").in(AssignmentStatus.HOLDING).and("date").gte(from.minusDays(1)).lte(to.plusDays(1))),
				Assignment.class);
	}

	/** Whether holding {@code held} keeps its expert from a visit on {@code date} (and the next day, for a whole weekend). */
	public static boolean clashes(Assignment held, LocalDate date, boolean wholeWeekend) {
		return held.date().equals(date) || (held.wholeWeekend() && held.date().plusDays(1).equals(date))
				|| (wholeWeekend && held.date().equals(date.plusDays(1)));
	}

	/** What publishing a plan asks for one filled seat position. */
	public record NewOffer(String planId, String requestId, String countyId, int seat, int position, String skill,
			LocalDate date, boolean wholeWeekend, String expertId, Instant offerDeadline) {
	}

}
