package cn.talentexchange.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.planning.PlanRun;
import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static cn.talentexchange.report.FigureRecount.intAt;
import static cn.talentexchange.report.FigureRecount.list;
import static cn.talentexchange.report.FigureRecount.map;
import static cn.talentexchange.report.FigureRecount.numberAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A history made through the API, as the coordination office makes it: a published plan, accepts, a
 * decline, a completed and rated visit and a no-show. The reports must agree with a recount of what the
 * offer loop stored.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=reports-offer-loop")
class ReportsFromTheOfferLoopTest extends ApiTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void theReportsCountWhatTheOfferLoopRecorded() throws InterruptedException {
		LocalDate today = LocalDate.now(SHANGHAI);
		List<Map<String, Object>> offers = publishAPlanForFaku(today);
		Map<String, Object> declined = offers.get(0);
		List<Map<String, Object>> others = new ArrayList<>(offers.stream()
			.filter(offer -> !offer.get("requestId").equals(declined.get("requestId")))
			.toList());
		Map<String, Object> completed = others.remove(0);
		Map<String, Object> absent = others.remove(0);
		Map<String, Object> coming = others.remove(0);

		as(expert(declined)).post().uri("/api/v1/assignments/{id}/decline", declined.get("id"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "OUTSIDE_MY_FIELD"))
			.exchange().expectStatus().isOk().expectBody();
		awaitReplanOf((String) declined.get("requestId"));
		for (Map<String, Object> offer : List.of(completed, absent, coming)) {
			as(expert(offer)).post().uri("/api/v1/assignments/{id}/accept", offer.get("id")).exchange()
				.expectStatus().isOk().expectBody();
		}
		// Checking in, completing and recording a no-show need the visit's day: these two visits are today.
		for (Map<String, Object> offer : List.of(completed, absent)) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(offer.get("id"))), new Update().set("date", today),
					Assignment.class).block();
		}
		as(expert(completed)).post().uri("/api/v1/assignments/{id}/check-in", completed.get("id")).exchange()
			.expectStatus().isOk().expectBody();
		as(expert(completed)).post().uri("/api/v1/assignments/{id}/complete", completed.get("id"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("hours", 6.5)).exchange()
			.expectStatus().isOk().expectBody();
		as("agency-faku").post().uri("/api/v1/assignments/{id}/feedback", completed.get("id"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("rating", 4, "outcome", "SOLVED"))
			.exchange().expectStatus().isOk().expectBody();
		as("agency-faku").post().uri("/api/v1/assignments/{id}/no-show", absent.get("id")).exchange()
			.expectStatus().isOk().expectBody();

		YearMonth month = YearMonth.from(today);
		Map<String, Object> report = as("coordinator").get().uri("/api/v1/reports/monthly?month={month}", month)
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> faku = map(list(report.get("pairings")).get(0).get("figures"));
		FigureRecount.check(mongo, "faku", faku, month.atDay(1), month.atEndOfMonth());
		assertThat(intAt(faku, "visits", "completed")).isEqualTo(1);
		assertThat(numberAt(faku, "visits", "hours")).isEqualTo(6.5);
		assertThat(intAt(faku, "visits", "noShows")).isEqualTo(1);
		assertThat(numberAt(faku, "visits", "noShowRate")).isEqualTo(0.5);
		assertThat(intAt(faku, "outcomes", "solved")).isEqualTo(1);
		assertThat(numberAt(faku, "outcomes", "averageRating")).isEqualTo(4.0);
		// The seeds opened every request at start-up, this month, so each request accepted on counts.
		assertThat(intAt(faku, "demand", "requestsAccepted"))
			.isEqualTo((int) List.of(completed, absent, coming).stream().map(offer -> offer.get("requestId")).distinct().count());

		Map<String, Object> sheet = as("agency-faku").get().uri("/api/v1/reports/dispatch?from={from}", today.plusDays(1))
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> county = list(sheet.get("counties")).get(0);
		assertThat(list(county.get("recentDeclines"))).singleElement()
			.satisfies(decline -> assertThat(decline).containsEntry("assignmentId", declined.get("id"))
				.containsEntry("reason", "OUTSIDE_MY_FIELD"));
		assertThat(list(county.get("recentNoShows"))).extracting(noShow -> noShow.get("assignmentId"))
			.containsExactly(absent.get("id"));

		// Read on the day, from today: today's decline is on the sheet already.
		Map<String, Object> todays = as("agency-faku").get().uri("/api/v1/reports/dispatch").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(todays.get("from")).isEqualTo(today.toString());
		assertThat(list(list(todays.get("counties")).get(0).get("recentDeclines")))
			.extracting(decline -> decline.get("assignmentId")).containsExactly(declined.get("id"));
	}

	@Test
	void theAnnualExchangeComponentCountsTheMonthsTheLedgerShowsServed() {
		int year = LocalDate.now(SHANGHAI).getYear();
		Map<String, Object> annual = as("coordinator").get().uri("/api/v1/reports/annual?year={year}", year).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<String, Object> ledger = as("coordinator").get()
			.uri("/api/v1/secondments/ledger?from={year}-01-01&to={year}-12-31", year, year).exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		List<Map<String, Object>> ranking = list(annual.get("ranking"));
		double most = 0;
		for (Map<String, Object> pairing : list(ledger.get("pairings"))) {
			Map<String, Object> line = ranking.stream().filter(ranked -> ranked.get("pairingId").equals(pairing.get("pairingId")))
				.findFirst().orElseThrow();
			double cityToCounty = served(map(pairing.get("cityToCounty")));
			double countyToCity = served(map(pairing.get("countyToCity")));
			assertThat(numberAt(map(line.get("figures")), "secondments", "cityToCounty")).isEqualTo(cityToCounty);
			assertThat(numberAt(map(line.get("figures")), "secondments", "countyToCity")).isEqualTo(countyToCity);
			most = Math.max(most, cityToCounty + countyToCity);
		}
		assertThat(most).as("the seeds' placements this year").isPositive();
		for (Map<String, Object> line : ranking) {
			Map<String, Object> figures = map(line.get("figures"));
			double exchanged = numberAt(figures, "secondments", "cityToCounty") + numberAt(figures, "secondments", "countyToCity");
			assertThat(numberAt(line, "components", "exchange")).isCloseTo(exchanged / most, within(0.0001));
		}
	}

	/** Months actually served: active and completed, not the ones only planned. */
	private static double served(Map<String, Object> months) {
		return Math.round((((Number) months.get("active")).doubleValue() + ((Number) months.get("completed")).doubleValue())
				* 10) / 10.0;
	}

	private List<Map<String, Object>> publishAPlanForFaku(LocalDate today) throws InterruptedException {
		Map<?, ?> plan = as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("from", today.toString(), "to", today.plusDays(60).toString(), "counties", List.of("faku")))
			.exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
		String planId = (String) plan.get("id");
		for (int wait = 0; wait < 240 && !isSolved(planId); wait++) {
			Thread.sleep(250);
		}
		as("coordinator").post().uri("/api/v1/plans/" + planId + "/publish").exchange().expectStatus().isOk().expectBody();
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/assignments?status=OFFERED&size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		List<Map<String, Object>> offers = list(page.get("items"));
		assertThat(offers.stream().map(offer -> offer.get("requestId")).distinct()).as("requests with offers")
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(offers).hasSizeGreaterThanOrEqualTo(6);
		return offers;
	}

	private boolean isSolved(String planId) {
		Map<?, ?> plan = as("coordinator").get().uri("/api/v1/plans/" + planId).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return "SOLVED".equals(plan.get("status"));
	}

	/** The decline starts a replan in the background; the figures are read once it is done. */
	private void awaitReplanOf(String requestId) throws InterruptedException {
		for (int wait = 0; wait < 300; wait++) {
			boolean done = Boolean.TRUE.equals(mongo.exists(Query.query(Criteria.where("replanOf").is(requestId)
				.and("status").nin("QUEUED", "SOLVING")), PlanRun.class).block());
			if (done) {
				Thread.sleep(1_000);
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no replan of " + requestId);
	}

	/** Seed experts ex-NNNN sign in as expert-NNNN. */
	private static String expert(Map<String, Object> offer) {
		return "expert-" + ((String) offer.get("expertId")).substring(3);
	}

}
