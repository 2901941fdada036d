package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Predicate;

import cn.talentexchange.database.Leases;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestCancelled;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.notification.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The assignment module's clock work, every minute on the instance holding the lease: expire offers past
 * their deadline, owe reminders before visits, and end what a cancelled request still holds. Each change is
 * its own conditional update, so an accept arriving at the deadline and the expiry cannot both win, and a
 * reminder is owed once even when two instances overlap.
 */
@Component
class AssignmentSchedule {

	private static final Logger log = LoggerFactory.getLogger(AssignmentSchedule.class);

	private static final Duration EVERY = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final Assignments assignments;

	private final Requests requests;

	private final Outbox outbox;

	private final ReminderSettings reminders;

	private final Clock clock;

	private final Disposable schedule;

	private final OfferMeters meters;

	AssignmentSchedule(ReactiveMongoTemplate mongo, Assignments assignments, Requests requests, Outbox outbox,
			Leases leases, ReminderSettings reminders, OfferMeters meters, Clock clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.assignments = assignments;
		this.requests = requests;
		this.outbox = outbox;
		this.reminders = reminders;
		this.clock = clock;
		this.schedule = leases.whileHolding("assignment-schedule", EVERY, Flux.empty(),
				() -> assignments.forgetEnded().then(expireDue()).then(owe()).then(endCancelled()));
	}

	/** Expires every offer past its deadline and frees its seat for the replanner; returns how many. */
	Mono<Long> expireDue() {
		Instant now = clock.instant();
		return assignments.holdingNow()
			.filter(offer -> offer.status() == AssignmentStatus.OFFERED && !offer.offerDeadline().isAfter(now))
			.concatMap(offer -> mongo.updateFirst(unchanged(offer),
					new Update().set("status", AssignmentStatus.EXPIRED)
						.push("history", new Assignment.Transition(AssignmentStatus.EXPIRED, now, "system", "DEADLINE_PASSED", null))
						.set("updatedAt", now)
						.inc("version", 1),
					Assignment.class)
				.filter(result -> result.getModifiedCount() > 0)
				.doOnNext(expired -> {
					meters.expired();
					assignments.seatFreed(offer.requestId());
				}))
			.count();
	}

	/**
	 * Owes the reminders now due: one some days before (by default 48 h before the 08:00 start), and one on
	 * the morning of the visit. A visit accepted within those 48 h gets the first at once; one accepted on the
	 * day, only the morning one.
	 */
	Mono<Long> owe() {
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		LocalDate leadReaches = LocalDateTime.ofInstant(now.plus(reminders.lead()), zone).minusHours(8).toLocalDate();
		Flux<Long> early = remind(visit -> visit.date().isAfter(today) && !visit.date().isAfter(leadReaches),
				Assignment.Reminder.DAYS_BEFORE, now);
		Flux<Long> morning = LocalDateTime.ofInstant(now, zone).toLocalTime().isBefore(reminders.morningAt()) ? Flux.empty()
				: remind(visit -> visit.date().isEqual(today), Assignment.Reminder.MORNING_OF, now);
		return Flux.concat(early, morning).reduce(0L, Long::sum).doOnNext(owed -> {
			if (owed > 0) {
				outbox.nudge();
			}
		});
	}

	private Flux<Long> remind(Predicate<Assignment> onDay, Assignment.Reminder reminder, Instant now) {
		return assignments.holdingNow()
			.filter(visit -> visit.status() == AssignmentStatus.ACCEPTED && onDay.test(visit)
					&& !visit.reminders().contains(reminder))
			// The version is not raised: a reminder owed changes nothing a client could hold an ETag for.
			.concatMap(visit -> mongo.updateFirst(unchanged(visit), Outbox.append(new Update().addToSet("reminders", reminder),
					AssignmentNotices.reminder(visit, now, clock.getZone())), Assignment.class))
			.map(result -> result.getModifiedCount());
	}

	/** Exactly the id and the version as read: one conditional update, served by the unique index on both. */
	private static Query unchanged(Assignment read) {
		return Query.query(Criteria.where("_id").is(read.id()).and("version").is(read.version()));
	}

	/** A request cancelled while a crash interrupted the ending of its assignments is finished here. */
	Mono<Long> endCancelled() {
		return assignments.requestsHeldFrom(LocalDate.now(clock))
			.collectList()
			.flatMapMany(requests::findAllById)
			.filter(request -> request.status() == RequestStatus.CANCELLED)
			.map(DemandRequest::id)
			.concatMap(assignments::cancelForCancelledRequest)
			.reduce(0L, Long::sum);
	}

	@EventListener
	void onCancelled(RequestCancelled cancelled) {
		assignments.cancelForCancelledRequest(cancelled.requestId())
			.subscribe(ended -> { }, failure -> log.warn("Ending the assignments of cancelled request {} failed; the "
					+ "schedule finishes it", cancelled.requestId(), failure));
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
