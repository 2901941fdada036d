package cn.talentexchange.assignment;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/** Offers come from a published plan, so these tests plan Faku once in a database of their own. */
@TestPropertySource(properties = "talent.embedded-mongo.database=assignments")
class AssignmentsApiTest extends ApiTest {

	private static List<Map<String, Object>> offers;

	@Autowired
	ReactiveMongoTemplate mongo;

	@BeforeEach
	void publishAPlanOnce() throws InterruptedException {
		if (offers != null) {
			return;
		}
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<?, ?> plan = as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", today.toString(), "to", today.plusDays(60).toString(), "counties", List.of("faku")))
			.exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
		String planId = (String) plan.get("id");
		for (int wait = 0; wait < 120 && !"SOLVED".equals(status(planId)); wait++) {
			Thread.sleep(250);
		}
		as("coordinator").post().uri("/api/v1/plans/" + planId + "/publish").exchange().expectStatus().isOk().expectBody();
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/assignments?status=OFFERED&size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		offers = new ArrayList<>((List<Map<String, Object>>) page.get("items"));
		assertThat(offers).as("offers for the tests to use").hasSizeGreaterThan(15);
	}

	@Test
	void ofTwoHundredSimultaneousAcceptsExactlyOneWins() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("Authorization", "Bearer " + token(expert)).build();
		List<Integer> statuses = Flux.range(0, 200)
			.flatMap(tap -> client.post().uri("/api/v1/assignments/{id}/accept", offer.get("id"))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 200)
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
		as(expert).get().uri("/api/v1/assignments/me?stage=UPCOMING").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[?(@.id == '" + offer.get("id") + "')].status").isEqualTo(List.of("ACCEPTED"));
	}

	@Test
	void ofAThousandAcceptsOverFiveOffersExactlyFiveWin() {
		List<Map<String, Object>> five = new ArrayList<>();
		for (Map<String, Object> offer : List.copyOf(offers)) {
			if (five.size() < 5 && five.stream().noneMatch(taken -> taken.get("expertId").equals(offer.get("expertId")))) {
				five.add(offer);
				offers.remove(offer);
			}
		}
		List<WebClient> phones = five.stream()
			.map(offer -> WebClient.builder().baseUrl("http://127.0.0.1:" + port)
				.defaultHeader("Authorization", "Bearer " + token(username(offer))).build())
			.toList();
		List<Integer> statuses = Flux.range(0, 1000)
			.flatMap(tap -> phones.get(tap % 5).post().uri("/api/v1/assignments/{id}/accept", five.get(tap % 5).get("id"))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 100)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
	}

	@Test
	void theAgencySeesThePhoneNumberOnlyOnceAccepted() {
		Map<String, Object> offer = offers.remove(0);
		String path = "/api/v1/assignments?requestId=" + offer.get("requestId") + "&size=100";
		assertThat(phoneOf(offer, path)).contains("*");
		as(username(offer)).post().uri("/api/v1/assignments/" + offer.get("id") + "/accept").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.history[0].to").isEqualTo("ACCEPTED");
		assertThat(phoneOf(offer, path)).doesNotContain("*");
		as("agency-kangping").get().uri(path).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void aDeclineKeepsItsReasonAndCannotBeTakenBack() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		as(expert).post().uri("/api/v1/assignments/" + offer.get("id") + "/decline").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "NOT_AVAILABLE", "note", "家中有事"))
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("DECLINED")
			.jsonPath("$.history[0].reason").isEqualTo("NOT_AVAILABLE")
			.jsonPath("$.history[0].by").isEqualTo(expert);
		as(expert).post().uri("/api/v1/assignments/" + offer.get("id") + "/accept").exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("DECLINED");
		as(expert).post().uri("/api/v1/assignments/" + offer.get("id") + "/decline").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "SOMETIMES"))
			.exchange().expectStatus().isBadRequest().expectBody();
	}

	@Test
	void anotherExpertsOfferIsNotFound() {
		Map<String, Object> offer = offers.get(0);
		String stranger = offers.stream().map(AssignmentsApiTest::username).filter(name -> !name.equals(username(offer)))
			.findFirst().orElseThrow();
		as(stranger).post().uri("/api/v1/assignments/" + offer.get("id") + "/accept").exchange()
			.expectStatus().isNotFound().expectBody();
	}

	@Test
	void oneAssignmentIsReadByItsExpertItsCountyAndACoordinatorOnly() {
		Map<String, Object> offer = offers.get(0);
		String path = "/api/v1/assignments/" + offer.get("id");
		String stranger = offers.stream().map(AssignmentsApiTest::username).filter(name -> !name.equals(username(offer)))
			.findFirst().orElseThrow();
		as(username(offer)).get().uri(path).exchange().expectStatus().isOk().expectHeader().exists("ETag")
			.expectBody().jsonPath("$.id").isEqualTo(offer.get("id")).jsonPath("$.expert").doesNotExist();
		as("coordinator").get().uri(path).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.expert.displayName").exists();
		as("agency-" + offer.get("countyId")).get().uri(path).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.expert.organisationId").exists();
		String otherCounty = "faku".equals(offer.get("countyId")) ? "agency-kangping" : "agency-faku";
		as(otherCounty).get().uri(path).exchange().expectStatus().isNotFound().expectBody();
		as(stranger).get().uri(path).exchange().expectStatus().isNotFound().expectBody();
		as("coordinator").get().uri("/api/v1/assignments/no-such-assignment").exchange().expectStatus().isNotFound()
			.expectBody();
		anonymous().get().uri(path).exchange().expectStatus().isUnauthorized().expectBody();
	}

	@Test
	void theExpertReadsWhyThePlanChoseThemAndNobodyElseDoes() {
		Map<String, Object> offer = offers.get(1);
		String path = "/api/v1/assignments/" + offer.get("id");
		Map<?, ?> own = as(username(offer)).get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody();
		List<?> reasons = (List<?>) own.get("whyYou");
		assertThat(reasons).as("why the plan chose them").hasSizeGreaterThanOrEqualTo(3);
		assertThat((String) reasons.get(0)).contains("级能力").contains("要求");
		assertThat((String) reasons.get(1)).startsWith("路程约");
		as("coordinator").get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.whyYou").isEmpty();
		as(username(offer)).get().uri("/api/v1/assignments/me").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.items[0].whyYou").isEmpty();
	}

	@Test
	void visitsAreCheckedInOnTheirDayAndCompletedAfterCheckIn() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		String path = "/api/v1/assignments/" + offer.get("id");
		as(expert).post().uri(path + "/complete").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("hours", 6))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("OFFERED");
		as(expert).post().uri(path + "/accept").exchange().expectStatus().isOk().expectBody();
		as(expert).post().uri(path + "/check-in").exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("ACCEPTED");
		as(expert).post().uri(path + "/complete").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("hours", 100))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("hours");
	}

	@Test
	void onlyTheCountysAgencyOrACoordinatorCancels() {
		Map<String, Object> offer = offers.remove(0);
		String path = "/api/v1/assignments/" + offer.get("id") + "/cancel";
		as("agency-kangping").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "不需要了"))
			.exchange().expectStatus().isNotFound().expectBody();
		as(username(offer)).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "x"))
			.exchange().expectStatus().isForbidden().expectBody();
		as("agency-faku").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "问题已解决"))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.history[0].note").isEqualTo("问题已解决");
		as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "again"))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("CANCELLED");
	}

	@Test
	void aRetriedAcceptWithItsKeyReplaysTheFirstAnswer() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		String path = "/api/v1/assignments/" + offer.get("id");
		Map<?, ?> first = as(expert).post().uri(path + "/accept").header("Idempotency-Key", "tap-0001-accept").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> replay = as(expert).post().uri(path + "/accept").header("Idempotency-Key", "tap-0001-accept").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("Idempotent-Replayed", "true")
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(replay).isEqualTo(first);
		as(expert).post().uri(path + "/accept").header("Idempotency-Key", "tap-0002-accept").exchange()
			.expectStatus().isEqualTo(409).expectBody();
		as(expert).post().uri(path + "/decline").header("Idempotency-Key", "tap-0001-accept")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "OTHER"))
			.exchange().expectStatus().isEqualTo(422)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:idempotency-key-reused");
		as(expert).post().uri(path + "/accept").header("Idempotency-Key", "short").exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
	}

	@Test
	void aFailedRequestIsNotKeptSoItsRetryIsEvaluatedAfresh() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		String path = "/api/v1/assignments/" + offer.get("id");
		as(expert).post().uri(path + "/check-in").header("Idempotency-Key", "tap-0003-checkin").exchange()
			.expectStatus().isEqualTo(409).expectBody();
		as(expert).post().uri(path + "/accept").exchange().expectStatus().isOk().expectBody();
		as(expert).post().uri(path + "/check-in").header("Idempotency-Key", "tap-0003-checkin").exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("ACCEPTED");
	}

	@Test
	void onlyTheCountyRecordsANoShowAndOnlyFromTheDayOfTheVisit() {
		Map<String, Object> offer = offers.remove(0);
		String id = (String) offer.get("id");
		String path = "/api/v1/assignments/" + id + "/no-show";
		String agency = "agency-" + offer.get("countyId");
		String otherAgency = "faku".equals(offer.get("countyId")) ? "agency-kangping" : "agency-faku";
		as(username(offer)).post().uri("/api/v1/assignments/" + id + "/accept").exchange().expectStatus().isOk()
			.expectBody();

		as(agency).post().uri(path).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("ACCEPTED");
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("date", LocalDate.now(ZoneId.of("Asia/Shanghai"))), Assignment.class).block();
		as(username(offer)).post().uri(path).exchange().expectStatus().isForbidden().expectBody();
		as(otherAgency).post().uri(path).exchange().expectStatus().isNotFound().expectBody();
		as(agency).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("note", "未到场，电话未接"))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("NO_SHOW");
		as(agency).post().uri(path).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("NO_SHOW");
	}

	@Test
	void ofThirtySimultaneousRatingsOfOneVisitExactlyOneIsKept() {
		Map<String, Object> offer = offers.remove(0);
		Assignment done = completed(offer);
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("Authorization", "Bearer " + token("agency-" + offer.get("countyId"))).build();
		List<Integer> statuses = Flux.range(1, 30)
			.flatMap(tap -> client.post().uri("/api/v1/assignments/{id}/feedback", done.id())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("rating", 1 + tap % 5, "outcome", "SOLVED", "comment", "rating " + tap))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 30)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(statuses).containsOnly(200, 409);
		assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
		Assignment rated = mongo.findById(done.id(), Assignment.class).block();
		assertThat(rated.version()).as("one change after the save").isEqualTo(done.version() + 1);
	}

	@Test
	void theCountyRatesACompletedVisitOnce() {
		Map<String, Object> offer = offers.remove(0);
		Assignment done = completed(offer);
		String path = "/api/v1/assignments/" + done.id() + "/feedback";
		Map<String, Object> feedback = Map.of("rating", 5, "outcome", "PARTLY_SOLVED", "comment", "思路清晰，仍需跟进");

		as("agency-kangping").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(feedback)
			.exchange().expectStatus().isNotFound().expectBody();
		as(username(offer)).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(feedback)
			.exchange().expectStatus().isForbidden().expectBody();
		as("agency-faku").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(feedback)
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.feedback.rating").isEqualTo(5)
			.jsonPath("$.feedback.outcome").isEqualTo("PARTLY_SOLVED")
			.jsonPath("$.feedback.by").isEqualTo("agency-faku");
		as("agency-faku").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(feedback)
			.exchange().expectStatus().isEqualTo(409).expectBody();
		as("agency-faku").post().uri("/api/v1/assignments/" + offers.get(0).get("id") + "/feedback")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(feedback)
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("OFFERED");
		as("agency-faku").post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("rating", 6, "outcome", "SOLVED"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("rating");

		// The expert's own record agrees with their stored visits (other tests may have completed some too).
		List<Assignment> visits = mongo.find(Query.query(Criteria.where("expertId").is(done.expertId())
			.and("status").is(AssignmentStatus.COMPLETED)), Assignment.class).collectList().block();
		List<Assignment> rated = visits.stream().filter(visit -> visit.feedback() != null).toList();
		as(username(offer)).get().uri("/api/v1/experts/me/record").exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.visitsCompleted").isEqualTo(visits.size())
			.jsonPath("$.hours").isEqualTo(visits.stream().mapToDouble(Assignment::hours).sum())
			.jsonPath("$.countiesHelped." + done.countyId()).isEqualTo(
					(int) visits.stream().filter(visit -> visit.countyId().equals(done.countyId())).count())
			.jsonPath("$.ratings.count").isEqualTo(rated.size())
			.jsonPath("$.ratings.outcomes.PARTLY_SOLVED").isEqualTo(
					(int) rated.stream().filter(visit -> visit.feedback().outcome() == Assignment.Outcome.PARTLY_SOLVED).count());
		as("agency-faku").get().uri("/api/v1/experts/me/record").exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void aCoordinatorGivesASeatToAnotherExpertByHand() {
		Map<String, Object> offer = offers.remove(0);
		String replacement = offers.stream().map(other -> (String) other.get("expertId"))
			.filter(expertId -> !expertId.equals(offer.get("expertId")))
			.filter(expertId -> offers.stream().noneMatch(other -> other.get("expertId").equals(expertId)
					&& (other.get("requestId").equals(offer.get("requestId")) || other.get("date").equals(offer.get("date")))))
			.findFirst().orElseThrow();
		String path = "/api/v1/assignments/" + offer.get("id") + "/reassign";
		Map<String, Object> body = Map.of("expertId", replacement, "reason", "县里点名请这位专家", "override", true);

		as("agency-faku").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isForbidden().expectBody();
		Map<?, ?> fresh = as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(fresh.get("expertId")).isEqualTo(replacement);
		assertThat(fresh.get("status")).isEqualTo("OFFERED");
		assertThat(fresh.get("seat")).isEqualTo(offer.get("seat"));
		assertThat((List<Map<String, Object>>) fresh.get("history")).first()
			.satisfies(entry -> assertThat(entry).containsKey("overriddenRules"));
		as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(fresh.get("id"));

		Map<?, ?> page = as("coordinator").get().uri("/api/v1/assignments?requestId=" + offer.get("requestId") + "&size=100")
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> replaced = ((List<Map<String, Object>>) page.get("items")).stream()
			.filter(item -> item.get("id").equals(offer.get("id"))).findFirst().orElseThrow();
		assertThat(replaced.get("status")).isEqualTo("CANCELLED");
		assertThat((List<Map<String, Object>>) replaced.get("history")).last()
			.satisfies(entry -> assertThat(entry).containsEntry("reason", "REASSIGNED_BY_HAND"));

		// The replaced assignment holds nothing now: giving its seat to a third expert is refused.
		String third = offers.stream().map(other -> (String) other.get("expertId"))
			.filter(expertId -> !expertId.equals(replacement) && !expertId.equals(offer.get("expertId"))).findFirst()
			.orElseThrow();
		as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("expertId", third, "reason", "again", "override", true))
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus").isEqualTo("CANCELLED");
		as("coordinator").post().uri("/api/v1/assignments/" + fresh.get("id") + "/reassign").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("expertId", "ex-9999", "reason", "x"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("expertId");
	}

	@Test
	void aHandOverrideNeverPutsOnePersonOnTwoSeatsOfAVisitAndBreaksOtherRulesOnlyWhenToldTo() {
		Map<String, Object> offer = offers.stream()
			.filter(candidate -> offers.stream().anyMatch(other -> other != candidate
					&& other.get("requestId").equals(candidate.get("requestId"))
					&& !other.get("expertId").equals(candidate.get("expertId"))))
			.findFirst().orElseThrow();
		offers.remove(offer);
		Map<String, Object> sameVisit = offers.stream()
			.filter(other -> other.get("requestId").equals(offer.get("requestId")) && !other.get("expertId").equals(offer.get("expertId")))
			.findFirst().orElseThrow();
		String path = "/api/v1/assignments/" + offer.get("id") + "/reassign";

		as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("expertId", sameVisit.get("expertId"), "reason", "both seats, one person", "override", true))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:rule-broken")
			.jsonPath("$.overridable").isEqualTo(false)
			.jsonPath("$.rules[0]").isEqualTo("Expert twice on one visit");
		as("coordinator").get().uri("/api/v1/assignments?requestId=" + offer.get("requestId") + "&size=100").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items[?(@.id == '" + offer.get("id") + "')].status").isEqualTo(List.of("OFFERED"));

		// An expert with none of the seat's skill breaks the skill rule: refused unless the coordinator overrides it.
		String unskilled = mongo.find(Query.query(Criteria.where("status").is("ACTIVE")), Expert.class)
			.filter(expert -> expert.skills().stream().noneMatch(held -> held.skill().equals(offer.get("skill"))))
			.filter(expert -> offers.stream().noneMatch(other -> other.get("expertId").equals(expert.id())))
			.map(Expert::id).blockFirst();
		as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("expertId", unskilled, "reason", "no such skill"))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:rule-broken")
			.jsonPath("$.overridable").isEqualTo(true)
			.jsonPath("$.rules").value(rules -> assertThat((List<String>) rules).contains("Expert lacks the skill level"));
		Map<?, ?> overridden = as("coordinator").post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("expertId", unskilled, "reason", "the county asked for this person", "override", true))
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) overridden.get("history")).first()
			.satisfies(entry -> assertThat((List<String>) entry.get("overriddenRules")).contains("Expert lacks the skill level"));
	}

	@Test
	void fiftyConcurrentReassignmentsOfOneSeatLeaveItOneHolder() throws Exception {
		Map<String, Object> offer = offers.remove(0);
		List<String> others = mongo.find(Query.query(Criteria.where("status").is("ACTIVE")), Expert.class)
			.map(Expert::id)
			.filter(id -> !id.equals(offer.get("expertId")))
			.filter(id -> offers.stream().noneMatch(other -> other.get("expertId").equals(id)))
			.take(50).collectList().block();
		String path = "/api/v1/assignments/" + offer.get("id") + "/reassign";
		ExecutorService pool = Executors.newFixedThreadPool(others.size());
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> answer : pool.invokeAll(others.stream()
				.<Callable<Integer>>map(expertId -> () -> as("coordinator").post().uri(path)
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("expertId", expertId, "reason", "race", "override", true))
					.exchange().returnResult(String.class).getStatus().value())
				.toList())) {
				statuses.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
		List<Assignment> holding = mongo.find(Query.query(Criteria.where("requestId").is(offer.get("requestId"))
			.and("seat").is(offer.get("seat")).and("position").is(offer.get("position"))
			.and("status").in(AssignmentStatus.HOLDING)), Assignment.class).collectList().block();
		assertThat(holding).hasSize(1);
	}

	@Test
	void anAcceptedVisitAppearsInTheExpertsCalendar() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		as(expert).post().uri("/api/v1/assignments/" + offer.get("id") + "/accept").exchange().expectStatus().isOk().expectBody();

		String ics = as(expert).get().uri("/api/v1/experts/me/calendar.ics").exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith("text/calendar")
			.expectBody(String.class).returnResult().getResponseBody();
		ICalendar calendar = Biweekly.parse(ics).first();
		VEvent event = calendar.getEvents().stream()
			.filter(candidate -> candidate.getUid().getValue().equals(offer.get("id") + "@talent-exchange"))
			.findFirst().orElseThrow();
		LocalDate start = event.getDateStart().getValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
		assertThat(start).hasToString((String) offer.get("date"));
		assertThat(event.getDateStart().getValue().hasTime()).isFalse();
	}

	@Test
	void aPhoneCalendarSubscribesWithASecretLinkThatCanBeRevoked() {
		Map<String, Object> offer = offers.remove(0);
		String expert = username(offer);
		as(expert).post().uri("/api/v1/assignments/" + offer.get("id") + "/accept").exchange().expectStatus().isOk().expectBody();
		String url = (String) as(expert).post().uri("/api/v1/experts/me/calendar-feed").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
		as(expert).post().uri("/api/v1/experts/me/calendar-feed").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo(url);
		assertThat(url).startsWith("http://127.0.0.1:");
		as(expert).post().uri("/api/v1/experts/me/calendar-feed").header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "talent.example.cn").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.url")
			.isEqualTo(url.replaceFirst("^http://127\\.0\\.0\\.1:[0-9]+", "https://talent.example.cn"));

		String ics = anonymous().get().uri(url).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(ics).contains("UID:" + offer.get("id") + "@talent-exchange");

		as(expert).delete().uri("/api/v1/experts/me/calendar-feed").exchange().expectStatus().isNoContent().expectBody();
		anonymous().get().uri(url).exchange().expectStatus().isNotFound().expectBody();
		anonymous().get().uri("/api/v1/calendar-feeds/guessed.ics").exchange().expectStatus().isNotFound().expectBody();
	}

	@Test
	void rolesAreChecked() {
		as("expert-0001").get().uri("/api/v1/assignments").exchange().expectStatus().isForbidden().expectBody();
		as("agency-faku").post().uri("/api/v1/assignments/" + offers.get(0).get("id") + "/accept").exchange()
			.expectStatus().isForbidden().expectBody();
		as("coordinator").get().uri("/api/v1/assignments/me").exchange().expectStatus().isForbidden().expectBody();
	}

	private String phoneOf(Map<String, Object> offer, String path) {
		Map<?, ?> page = as("agency-faku").get().uri(path).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.filter(item -> item.get("id").equals(offer.get("id")))
			.map(item -> (String) ((Map<?, ?>) item.get("expert")).get("phone"))
			.findFirst().orElseThrow();
	}

	private String status(String planId) {
		return (String) as("coordinator").get().uri("/api/v1/plans/" + planId).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("status");
	}

	private String token(String username) {
		return (String) anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody().get("accessToken");
	}

	/** Completing needs the visit's day; the stored document stands in for an expert who checked in and finished. */
	private Assignment completed(Map<String, Object> offer) {
		Assignment done = mongo.findById((String) offer.get("id"), Assignment.class).block();
		mongo.save(new Assignment(done.id(), done.planId(), done.requestId(), done.countyId(), done.seat(), done.position(),
				done.skill(), done.date(), done.wholeWeekend(), done.expertId(), AssignmentStatus.COMPLETED,
				done.offerDeadline(), 6.0, done.history(), null, done.version(), done.createdAt(), done.updatedAt(), null,
				null)).block();
		return done;
	}

	/** Seed experts ex-NNNN sign in as expert-NNNN. */
	private static String username(Map<String, Object> offer) {
		return "expert-" + ((String) offer.get("expertId")).substring(3);
	}

}
