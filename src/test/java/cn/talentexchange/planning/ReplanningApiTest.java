package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.notification.Notification;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.notification.Outbox;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.support.ApiTest;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published plan heals itself: a declined seat is offered to someone else by a replan that keeps the
 * accepted expert, leaves the other offers alone, never asks the decliner again, and notifies only the
 * people whose assignment changed. The automatic trigger is slowed down so the test drives the replan.
 */
@TestPropertySource(properties = { "talent.embedded-mongo.database=replanning", "talent.planning.replan-delay=1h" })
class ReplanningApiTest extends ApiTest {

	private static String planId;

	@Autowired
	Replanner replanner;

	@Autowired
	Assignments assignments;

	@Autowired
	Requests requests;

	@Autowired
	PlanRuns runs;

	@Autowired
	Outbox outbox;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@BeforeEach
	void publishAPlanOnce() throws InterruptedException {
		if (planId != null) {
			return;
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<?, ?> plan = as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", today.toString(), "to", today.plusDays(60).toString(), "counties",
					List.of("faku", "xinmin")))
			.exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
		planId = (String) plan.get("id");
		for (int wait = 0; wait < 120 && mongo.findById(planId, PlanRun.class).block().status() != RunStatus.SOLVED; wait++) {
			Thread.sleep(250);
		}
		as("coordinator").post().uri("/api/v1/plans/" + planId + "/publish").exchange().expectStatus().isOk().expectBody();
	}

	@Test
	void aDeclinedSeatGoesToSomeoneElseAndNothingElseMoves() throws InterruptedException {
		Map<String, List<Assignment>> byRequest = offersOfPlan().stream()
			.collect(Collectors.groupingBy(Assignment::requestId));
		// The seat given back asks for the most common skill, so that someone else can take it.
		List<Assignment> request = byRequest.values().stream()
			.filter(offers -> offers.size() >= 3)
			.max(Comparator.comparingLong(offers -> holdersOf(offers.get(offers.size() - 1).skill())))
			.orElseThrow();
		Assignment accepted = request.get(0);
		Assignment declined = request.get(request.size() - 1);
		Set<String> untouched = request.subList(1, request.size() - 1).stream().map(Assignment::id)
			.collect(Collectors.toSet());
		as(username(accepted)).post().uri("/api/v1/assignments/" + accepted.id() + "/accept").exchange()
			.expectStatus().isOk().expectBody();
		as(username(declined)).post().uri("/api/v1/assignments/" + declined.id() + "/decline")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "NOT_AVAILABLE")).exchange()
			.expectStatus().isOk().expectBody();

		PlanRun replan = replanOf(declined.requestId());

		assertThat(replan.replanOf()).contains(declined.requestId());
		Map<String, Assignment> holding = assignments.holding(declined.requestId()).collectMap(this::position).block();
		assertThat(holding.get(position(accepted)).id()).isEqualTo(accepted.id());
		assertThat(holding.get(position(accepted)).status()).isEqualTo(AssignmentStatus.ACCEPTED);
		Assignment refill = holding.get(position(declined));
		assertThat(refill).as("the given-back seat has a new offer").isNotNull();
		assertThat(refill.status()).isEqualTo(AssignmentStatus.OFFERED);
		assertThat(refill.expertId()).isNotEqualTo(declined.expertId());
		assertThat(refill.planId()).isEqualTo(replan.id());
		assertThat(refill.date()).isEqualTo(declined.date());
		assertThat(holding.values()).extracting(Assignment::id).containsAll(untouched);

		// The new expert is told; the others are not (the decliner, the accepted one, the untouched offers).
		assertThat(noticesAbout(refill.id())).extracting(Notification::kind).containsExactly(NotificationKind.OFFER);
		for (String id : untouched) {
			assertThat(noticesAbout(id)).extracting(Notification::kind).containsOnly(NotificationKind.OFFER);
		}
		assertThat(noticesAbout(declined.id())).extracting(Notification::kind).containsOnly(NotificationKind.OFFER);

		assertThat(replanner.replanDue().collectList().block()).as("nothing left to replan").isEmpty();
		as("coordinator").get().uri("/api/v1/plans/" + replan.id()).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.replanOf[0]").isEqualTo(declined.requestId()).jsonPath("$.requestedBy")
			.isEqualTo("system");
		as("coordinator").post().uri("/api/v1/plans/" + replan.id() + "/publish").exchange()
			.expectStatus().isEqualTo(409).expectBody();
	}

	@Test
	void aReplanThatMovesAnOfferWithdrawsItAndTellsBothExperts() throws InterruptedException {
		Assignment moved = offersOfPlan().get(1);
		String newcomer = mongo.find(Query.query(Criteria.where("status").is("ACTIVE")), Expert.class)
			.map(Expert::id)
			.filterWhen(expertId -> assignments.heldElsewhere(expertId, "none", moved.date(), moved.wholeWeekend())
				.map(held -> !held))
			.filter(expertId -> !expertId.equals(moved.expertId()))
			.blockFirst();
		Instant now = clock.instant();
		PlanRun replan = new PlanRun(new ObjectId().toHexString(),
				new PlanWindow(moved.date(), moved.date(), List.of(), "weekend-replan"), "weekend-replan", RunStatus.SOLVED,
				"system", "test", false, now, now, now, 0L, "0hard/0medium/0soft", null,
				List.of(new PlanRun.Proposal("slot", moved.requestId(), moved.countyId(), moved.seat(), moved.position(),
						moved.skill(), "NORMAL", moved.date().toString(), moved.wholeWeekend(), newcomer, List.of())),
				List.of(), null, null, 0, now, List.of(moved.requestId()));
		mongo.insert(replan).block();

		assertThat(runs.publishReplan(replan.id()).block().offersCreated()).isEqualTo(1);
		assertThat(runs.publishReplan(replan.id()).block()).as("a replan publishes once").isNull();

		Assignment withdrawn = mongo.findById(moved.id(), Assignment.class).block();
		assertThat(withdrawn.status()).isEqualTo(AssignmentStatus.CANCELLED);
		assertThat(withdrawn.history()).last().satisfies(entry -> assertThat(entry.reason()).isEqualTo("REPLANNED"));
		assertThat(awaitNotice(moved.id(), NotificationKind.CHANGE).recipient()).isEqualTo(username(moved));
		Assignment fresh = assignments.holding(moved.requestId())
			.filter(held -> held.seat() == moved.seat() && held.position() == moved.position())
			.blockFirst();
		assertThat(fresh.expertId()).isEqualTo(newcomer);
		assertThat(awaitNotice(fresh.id(), NotificationKind.OFFER).recipient())
			.isEqualTo("expert-" + newcomer.substring("ex-".length()));
	}

	@Test
	void cancellingAPlannedRequestEndsItsOffersAndTellsTheExperts() throws InterruptedException {
		List<Assignment> offers = offersOfPlan();
		String requestId = offers.get(offers.size() - 1).requestId();
		List<Assignment> ofRequest = offers.stream().filter(offer -> offer.requestId().equals(requestId)).toList();
		String agency = "agency-" + ofRequest.get(0).countyId();

		as(agency).post().uri("/api/v1/requests/" + requestId + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "县里临时调整日程")).exchange().expectStatus().isOk().expectBody();

		for (int wait = 0; wait < 40 && !assignments.holding(requestId).collectList().block().isEmpty(); wait++) {
			Thread.sleep(100);
		}
		assertThat(assignments.holding(requestId).collectList().block()).isEmpty();
		for (Assignment offer : ofRequest) {
			Assignment ended = mongo.findById(offer.id(), Assignment.class).block();
			assertThat(ended.status()).isEqualTo(AssignmentStatus.CANCELLED);
			assertThat(ended.history()).last().satisfies(entry -> assertThat(entry.reason()).isEqualTo("REQUEST_CANCELLED"));
			awaitNotice(offer.id(), NotificationKind.CANCELLATION);
		}
	}

	@Test
	void coordinatorsHearOnceOfSeatsStillUnfilledAWeekBefore() throws InterruptedException {
		Assignment offer = offersOfPlan().get(0);
		PlanningSettings settings = new PlanningSettings("weekend-interactive", Duration.ofHours(48),
				Duration.ofHours(72), 92, "weekend-replan", Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(7));
		Clock fiveDaysBefore = Clock.fixed(offer.date().minusDays(5).atTime(9, 0).atZone(clock.getZone()).toInstant(),
				clock.getZone());
		UnfilledSeatAlerts atFiveDays = new UnfilledSeatAlerts(requests, assignments, outbox, settings, fiveDaysBefore);

		assertThat(atFiveDays.raise().block()).isPositive();
		assertThat(atFiveDays.raise().block()).isZero();

		Notification alert = awaitNotice(offer.requestId(), NotificationKind.SEAT_UNFILLED);
		assertThat(alert.recipient()).isEqualTo("coordinator");
	}

	private PlanRun replanOf(String requestId) throws InterruptedException {
		replanner.replanDue().collectList().block();
		return await("a published replan of " + requestId, () -> mongo.findOne(Query.query(Criteria.where("replanOf")
			.is(requestId).and("publishedAt").ne(null)), PlanRun.class).block());
	}

	private long holdersOf(String skill) {
		return mongo.count(Query.query(Criteria.where("skills.skill").is(skill)), Expert.class).block();
	}

	private List<Assignment> offersOfPlan() {
		return mongo.find(Query.query(Criteria.where("planId").is(planId).and("status").is(AssignmentStatus.OFFERED)),
				Assignment.class).collectList().block();
	}

	private List<Notification> noticesAbout(String subjectId) throws InterruptedException {
		Thread.sleep(1_500);
		return mongo.find(Query.query(Criteria.where("subjectId").is(subjectId)), Notification.class).collectList().block();
	}

	private Notification awaitNotice(String subjectId, NotificationKind kind) throws InterruptedException {
		return await(kind + " about " + subjectId, () -> mongo.findOne(Query.query(Criteria.where("subjectId")
			.is(subjectId).and("kind").is(kind)), Notification.class).block());
	}

	/** Polls for up to twelve seconds: replans and notifications happen in the background. */
	private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
		for (int wait = 0; wait < 120; wait++) {
			T found = probe.get();
			if (found != null) {
				return found;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no " + what);
	}

	private String position(Assignment assignment) {
		return assignment.seat() + "." + assignment.position();
	}

	private static String username(Assignment assignment) {
		return "expert-" + assignment.expertId().substring("ex-".length());
	}

}
