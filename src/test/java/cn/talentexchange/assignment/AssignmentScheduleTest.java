package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import cn.talentexchange.database.Leases;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.notification.Notification;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.notification.Outbox;
import cn.talentexchange.support.ApiTest;
import cn.talentexchange.database.IdLists;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** The assignment module's clock work: expiry of unanswered offers and the reminders before a visit. */
class AssignmentScheduleTest extends ApiTest {

	@Autowired
	AssignmentSchedule expiry;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Assignments assignments;

	@Autowired
	Requests requests;

	@Autowired
	Outbox outbox;

	@Autowired
	Leases leases;

	@Autowired
	Clock clock;

	@Autowired
	IdLists lists;

	@Test
	void anOfferPastItsDeadlineExpiresOnceAndCanNoLongerBeAccepted() {
		Assignment late = offer("expiry-late", clock.instant().minus(Duration.ofMinutes(1)));
		Assignment open = offer("expiry-open", clock.instant().plus(Duration.ofHours(1)));

		assertThat(expiry.expireDue().block()).isGreaterThanOrEqualTo(1);
		assertThat(expiry.expireDue().block()).isZero();

		Assignment expired = mongo.findById(late.id(), Assignment.class).block();
		assertThat(expired.status()).isEqualTo(AssignmentStatus.EXPIRED);
		assertThat(expired.history()).singleElement()
			.satisfies(entry -> assertThat(entry.reason()).isEqualTo("DEADLINE_PASSED"));
		assertThat(mongo.findById(open.id(), Assignment.class).block().status()).isEqualTo(AssignmentStatus.OFFERED);

		as("expert-0050").post().uri("/api/v1/assignments/" + late.id() + "/accept").exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("EXPIRED");
		as("expert-0050").post().uri("/api/v1/assignments/" + open.id() + "/accept").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
	}

	@Test
	void remindersAreOwedOnceTwoDaysBeforeAndOnTheMorningOfTheVisit() {
		LocalDate visit = LocalDate.of(2031, 5, 10);
		Assignment accepted = mongo.insert(new Assignment("reminded", "plan-x", "req-faku-001", "faku", 0, 0,
				"industrial-planning", visit, false, "ex-0051", AssignmentStatus.ACCEPTED, clock.instant(), null, List.of(),
				null, 0, clock.instant(), clock.instant(), null, null)).block();
		// Written straight into the store: listed as a restart would.
		lists.backfill(Assignments.HOLDING_NOW).run().block();

		assertThat(oweAt(visit.minusDays(3).atTime(9, 0))).as("three days before").isZero();
		assertThat(oweAt(visit.minusDays(1).atTime(10, 0))).isEqualTo(1);
		assertThat(oweAt(visit.minusDays(1).atTime(18, 0))).as("owed once").isZero();
		assertThat(oweAt(visit.atTime(6, 30))).as("before the morning hour").isZero();
		assertThat(oweAt(visit.atTime(7, 30))).isEqualTo(1);
		assertThat(oweAt(visit.atTime(9, 0))).isZero();

		assertThat(mongo.findById(accepted.id(), Assignment.class).block().reminders())
			.containsExactly(Assignment.Reminder.DAYS_BEFORE, Assignment.Reminder.MORNING_OF);
		List<Notification> reminders = waitForNotices(accepted.id(), 2);
		assertThat(reminders).extracting(Notification::kind).containsOnly(NotificationKind.REMINDER);
		assertThat(reminders).extracting(Notification::recipient).containsOnly("expert-0051");
	}

	private long oweAt(LocalDateTime localTime) {
		Clock at = Clock.fixed(localTime.atZone(clock.getZone()).toInstant(), clock.getZone());
		AssignmentSchedule schedule = new AssignmentSchedule(mongo, assignments, requests, outbox, leases,
				new ReminderSettings(Duration.ofHours(48), LocalTime.of(7, 0)), new OfferMeters(new SimpleMeterRegistry()), at);
		try {
			return schedule.owe().block();
		}
		finally {
			schedule.stop();
		}
	}

	private List<Notification> waitForNotices(String subjectId, int count) {
		List<Notification> found = List.of();
		for (int wait = 0; wait < 50 && found.size() < count; wait++) {
			found = Mono.delay(Duration.ofMillis(100))
				.thenMany(mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), Notification.class))
				.collectList()
				.block();
		}
		return found;
	}

	/** An offer written straight into the store, and listed as a restart would list it. */
	private Assignment offer(String id, Instant deadline) {
		Assignment offer = mongo.insert(new Assignment(id, "plan-x", "req-faku-001", "faku", 0, 0, "industrial-planning",
				LocalDate.now(clock).plusDays(10), false, "ex-0050", AssignmentStatus.OFFERED, deadline, null, List.of(),
				null, 0, clock.instant(), clock.instant(), null, null)).block();
		lists.backfill(Assignments.HOLDING_NOW).run().block();
		return offer;
	}

}
