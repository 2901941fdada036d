package cn.talentexchange.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.support.ApiContract;
import cn.talentexchange.support.ApiTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans change request statuses, so these tests get a database of their own. */
@TestPropertySource(properties = "talent.embedded-mongo.database=plans")
class PlansApiTest extends ApiTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void aCoordinatorPlansWatchesReadsAndPublishesOnce() {
		String planId = start(Map.of("from", TODAY.toString(), "to", TODAY.plusDays(60).toString(), "counties", List.of("faku")));
		as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", TODAY.plusDays(7).toString(), "to", TODAY.plusDays(20).toString(), "counties",
					List.of("faku", "xinmin")))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:window-busy")
			.jsonPath("$.runningPlanId").isEqualTo(planId);

		List<ServerSentEvent<Map<String, Object>>> events = events(planId);
		assertThat(events).last().satisfies(last -> {
			assertThat(last.event()).isEqualTo("end");
			assertThat(last.data()).containsEntry("status", "SOLVED");
		});

		Map<?, ?> plan = as("coordinator").get().uri("/api/v1/plans/" + planId).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(plan.get("status")).isEqualTo("SOLVED");
		assertThat(((Map<?, ?>) plan.get("score")).get("feasible")).isEqualTo(true);
		int filled = (Integer) ((Map<?, ?>) plan.get("counts")).get("filled");
		assertThat(filled).isPositive();

		Map<?, ?> analysis = as("coordinator").get().uri("/api/v1/plans/" + planId + "/analysis").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) analysis.get("constraints"))
			.noneMatch(total -> "HARD".equals(total.get("level")) && (Integer) total.get("matches") > 0);
		assertThat((List<Map<String, Object>>) analysis.get("assignments"))
			.allMatch(assignment -> "faku".equals(assignment.get("countyId")));

		as("coordinator").post().uri("/api/v1/plans/" + planId + "/publish").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.offersCreated").isEqualTo(filled).jsonPath("$.offersExisting").isEqualTo(0);
		as("coordinator").post().uri("/api/v1/plans/" + planId + "/publish").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.offersCreated").isEqualTo(0).jsonPath("$.offersExisting").isEqualTo(filled);
		String metrics = scrape();
		assertThat(metrics).containsPattern("talent_plan_solve_seconds_count\\{kind=\"planRuns\",profile=\"[a-z-]+\","
				+ "state=\"SOLVED\"} [1-9]")
			.containsPattern("talent_plan_first_feasible_seconds_count\\{[^}]*state=\"SOLVED\"} [1-9]")
			.containsPattern("talent_plan_unfilled_weight_count\\{[^}]*state=\"SOLVED\"} [1-9]");
		assertThat(counter(metrics, "talent_offers_made_total{how=\"plan\"}")).isGreaterThanOrEqualTo(filled);

		String requestId = (String) ((List<Map<String, Object>>) analysis.get("assignments")).stream()
			.filter(assignment -> assignment.get("expertId") != null)
			.findFirst().orElseThrow().get("requestId");
		as("agency-faku").get().uri("/api/v1/requests/" + requestId).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PLANNED");
		as("agency-faku").get().uri("/api/v1/requests/" + requestId + "/explanation?lang=en").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.planId").isEqualTo(planId)
			.jsonPath("$.published").isEqualTo(true)
			.jsonPath("$.summary").value(summary -> assertThat((String) summary).startsWith("The plan sets the visit on"));
		as("agency-faku").get().uri("/api/v1/requests/" + requestId + "/explanation").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.summary").value(summary -> assertThat((String) summary).startsWith("排期将走访定于"));
		as("agency-kangping").get().uri("/api/v1/requests/" + requestId + "/explanation").exchange()
			.expectStatus().isNotFound().expectBody();
		as("expert-0001").get().uri("/api/v1/requests/" + requestId + "/explanation").exchange()
			.expectStatus().isForbidden().expectBody();

		as("coordinator").get().uri("/api/v1/requests/" + requestId + "/seats/0/candidates?size=5").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.items[0].scoreDelta.text").isNotEmpty()
			.jsonPath("$.items[0].assignedHere").isEqualTo(true);
		as("agency-faku").get().uri("/api/v1/requests/" + requestId + "/seats/0/candidates").exchange()
			.expectStatus().isForbidden().expectBody();
		as("coordinator").get().uri("/api/v1/requests/" + requestId + "/seats/99/candidates").exchange()
			.expectStatus().isNotFound().expectBody();
	}

	private static double counter(String scrape, String series) {
		return scrape.lines()
			.filter(line -> line.startsWith(series + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + series + " in the scrape"));
	}

	@Test
	void aStoppedPlanKeepsItsBestAndCannotBeStoppedTwice() {
		String planId = start(Map.of("from", TODAY.toString(), "to", TODAY.plusDays(60).toString(), "counties",
				List.of("liaozhong")));
		as("coordinator").delete().uri("/api/v1/plans/" + planId).exchange()
			.expectStatus().isAccepted().expectBody().jsonPath("$.id").isEqualTo(planId);
		List<ServerSentEvent<Map<String, Object>>> events = events(planId);
		assertThat(events.get(events.size() - 1).data()).containsEntry("status", "STOPPED");
		as("coordinator").delete().uri("/api/v1/plans/" + planId).exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("STOPPED");
		as("coordinator").get().uri("/api/v1/plans?status=STOPPED").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(planId);
	}

	@Test
	void aPlanStoppedWhileWaitingForTheSolverEndsStopped() {
		String first = start(Map.of("from", TODAY.toString(), "to", TODAY.plusDays(27).toString()));
		String queued = start(Map.of("from", TODAY.plusDays(28).toString(), "to", TODAY.plusDays(60).toString()));
		as("coordinator").delete().uri("/api/v1/plans/" + queued).exchange().expectStatus().isAccepted().expectBody();
		List<ServerSentEvent<Map<String, Object>>> queuedEvents = events(queued);
		assertThat(queuedEvents.get(queuedEvents.size() - 1).data()).containsEntry("status", "STOPPED");
		List<ServerSentEvent<Map<String, Object>>> firstEvents = events(first);
		assertThat(firstEvents.get(firstEvents.size() - 1).data()).containsEntry("status", "SOLVED");
		// Its lease is gone: the same weekends can be planned again.
		events(start(Map.of("from", TODAY.plusDays(28).toString(), "to", TODAY.plusDays(35).toString())));
	}

	@Test
	void stoppingAPlanLeftByADeadInstanceEndsItAtOnceAsLost() {
		Instant silentSince = Instant.now().minusSeconds(120);
		String planId = new ObjectId().toHexString();
		PlanWindow window = new PlanWindow(TODAY.plusDays(200), TODAY.plusDays(210), List.of(), "weekend-interactive");
		mongo.insert(new PlanRun(planId, window, "weekend-interactive", RunStatus.SOLVING, "coordinator", "a-dead-instance",
				false, silentSince, silentSince, null, null, null, null, List.of(), List.of(), null, null, 0, silentSince,
				null)).block();

		as("coordinator").delete().uri("/api/v1/plans/" + planId).exchange()
			.expectStatus().isAccepted()
			.expectBody()
			.jsonPath("$.status").isEqualTo("FAILED")
			.jsonPath("$.failure").value(failure -> assertThat((String) failure).startsWith("instance-lost"));
	}

	@Test
	void aWindowMustMakeSense() {
		as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", TODAY.plusDays(10).toString(), "to", TODAY.toString()))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
		as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", TODAY.toString(), "to", TODAY.plusDays(10).toString(), "profile", "weekend-unknown"))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("profile");
	}

	@Test
	void onlyCoordinatorsPlan() {
		as("agency-faku").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", TODAY.toString(), "to", TODAY.plusDays(10).toString()))
			.exchange().expectStatus().isForbidden().expectBody();
		as("expert-0001").get().uri("/api/v1/plans").exchange().expectStatus().isForbidden().expectBody();
		as("hr-city").get().uri("/api/v1/admin/constraint-weights").exchange().expectStatus().isForbidden().expectBody();
		as("coordinator").get().uri("/api/v1/plans/no-such-plan").exchange().expectStatus().isNotFound().expectBody();
	}

	@Test
	void softWeightsAreTunedWithAVersion() {
		Map<?, ?> current = as("coordinator").get().uri("/api/v1/admin/constraint-weights").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> weights = new java.util.HashMap<>((Map<String, Object>) current.get("weights"));
		weights.put("travel", 3);
		Object version = current.get("version");
		as("coordinator").put().uri("/api/v1/admin/constraint-weights").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", weights, "version", version))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.weights.travel").isEqualTo(3).jsonPath("$.updatedBy").isEqualTo("coordinator");
		as("coordinator").put().uri("/api/v1/admin/constraint-weights").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", weights, "version", version))
			.exchange().expectStatus().isEqualTo(409).expectBody();
		weights.put("travel", -1);
		as("coordinator").put().uri("/api/v1/admin/constraint-weights").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", weights, "version", ((Integer) version) + 1))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("weights.travel");
	}

	@Test
	void weightsSavedBeforeTheTrackRecordRuleExistedGiveItItsDefault() {
		Document tenWeights = new Document(Map.of("outsidePairing", 60L, "continuity", 120L, "expertLoad", 30L,
				"countyShortage", 50L, "travel", 1L, "overQualified", 10L, "consecutive", 40L, "preferences", 20L,
				"stability", 300L, "sharedTravel", 15L));
		// As the first release wrote it, through Spring Data from its own record.
		mongo.save(new Document("_id", "constraint-weights").append("weights", tenWeights).append("version", 4L)
			.append("updatedAt", java.util.Date.from(java.time.Instant.parse("2026-10-01T08:00:00Z")))
			.append("updatedBy", "coordinator")
			.append("_class", "cn.talentexchange.planning.ConstraintWeightSettings$Stored"), "settings").block();

		Map<?, ?> read = as("coordinator").get().uri("/api/v1/admin/constraint-weights").exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(read.get("version")).isEqualTo(4);
		assertThat(read.get("updatedAt")).isEqualTo("2026-10-01T08:00:00Z");
		assertThat(((Map<?, ?>) read.get("weights")).get("trackRecord")).isEqualTo(1);

		as("coordinator").put().uri("/api/v1/admin/constraint-weights").header("If-Match", "\"4\"")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("weights", read.get("weights")))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(5).jsonPath("$.weights.trackRecord").isEqualTo(1);
	}

	private String start(Map<String, Object> window) {
		Map<?, ?> started = as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(window)
			.exchange()
			.expectStatus().isAccepted()
			.expectHeader().exists("Location")
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(started.get("status")).isEqualTo("QUEUED");
		return (String) started.get("id");
	}

	private List<ServerSentEvent<Map<String, Object>>> events(String planId) {
		FluxExchangeResult<ServerSentEvent<Map<String, Object>>> result = as("coordinator").mutate()
			.responseTimeout(Duration.ofSeconds(60)).build()
			.get().uri("/api/v1/plans/" + planId + "/events").accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<>() { });
		List<ServerSentEvent<Map<String, Object>>> events = result.getResponseBody().collectList().block(Duration.ofSeconds(60));
		ApiContract.get().verify(result);
		return events;
	}

}
