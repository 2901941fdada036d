package cn.talentexchange.report;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.demand.Contact;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.Site;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.support.ApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import static cn.talentexchange.report.FigureRecount.at;
import static cn.talentexchange.report.FigureRecount.intAt;
import static cn.talentexchange.report.FigureRecount.list;
import static cn.talentexchange.report.FigureRecount.map;
import static cn.talentexchange.report.FigureRecount.numberAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reports over a generated year (2025, so no visit is still ahead), each figure checked against a recount
 * written here from the stored documents, independently of the report's own code.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=reports")
class ReportsApiTest extends ApiTest {

	private static boolean generated;

	@Autowired
	ReactiveMongoTemplate mongo;

	@BeforeEach
	void generateAYearOnce() {
		if (!generated) {
			new HistoryGenerator(mongo, 20251126L).generate(2025, 3_000, 0).block();
			// Opened just after midnight in Shanghai, on the last day of the month before in UTC.
			mongo.insertAll(List.of(opened("tz-june", "2025-06-01T00:30:00+08:00"), opened("tz-july", "2025-07-01T00:30:00+08:00")))
				.blockLast();
			// An expert who worked in June and has retired since still counts in June's load spread.
			Assignment worked = mongo.findOne(Query.query(Criteria.where("countyId").is("faku").and("status")
				.is(AssignmentStatus.COMPLETED).and("date").gte(LocalDate.of(2025, 6, 1)).lte(LocalDate.of(2025, 6, 30))),
					Assignment.class).block();
			mongo.updateFirst(Query.query(Criteria.where("_id").is(worked.expertId())),
					new Update().set("status", ExpertStatus.RETIRED), Expert.class).block();
			generated = true;
		}
	}

	@Test
	void theMonthlySummaryAgreesWithARecountOfTheStoredHistory() {
		Map<String, Object> report = json(as("coordinator"), "/api/v1/reports/monthly?month=2025-06");
		List<Map<String, Object>> rows = list(report.get("pairings"));
		assertThat(rows).extracting(row -> row.get("countyId")).containsExactly("faku", "kangping", "liaozhong", "xinmin");
		for (Map<String, Object> row : rows) {
			FigureRecount.check(mongo, (String) row.get("countyId"), map(row.get("figures")), LocalDate.of(2025, 6, 1),
					LocalDate.of(2025, 6, 30));
		}
		Map<String, Object> total = map(report.get("total"));
		assertThat(intAt(total, "visits", "offers")).isEqualTo(
				rows.stream().mapToInt(row -> intAt(map(row.get("figures")), "visits", "offers")).sum());
		Map<String, Object> spread = map(report.get("fillRateSpread"));
		List<Double> rates = rows.stream().map(row -> numberAt(map(row.get("figures")), "demand", "seats", "fillRate")).toList();
		assertThat(spread.get("lowest")).isEqualTo(rates.stream().min(Double::compare).orElseThrow());
		assertThat(spread.get("highest")).isEqualTo(rates.stream().max(Double::compare).orElseThrow());
	}

	@Test
	void aCountyAgencyReadsOnlyItsOwnCounty() {
		Map<String, Object> report = json(as("agency-faku"), "/api/v1/reports/quarterly?quarter=2025-Q3");
		List<Map<String, Object>> rows = list(report.get("pairings"));
		assertThat(rows).extracting(row -> row.get("countyId")).containsExactly("faku");
		assertThat(report.get("total")).isEqualTo(map(rows.get(0).get("figures")));
		FigureRecount.check(mongo, "faku", map(rows.get(0).get("figures")), LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30));

		Map<String, Object> sheet = json(as("agency-faku"), "/api/v1/reports/dispatch?from=2025-06-01");
		assertThat(list(sheet.get("counties"))).extracting(county -> county.get("countyId")).containsExactly("faku");
		Map<String, Object> annual = json(as("agency-faku"), "/api/v1/reports/annual?year=2025");
		Map<String, Object> everyone = json(as("coordinator"), "/api/v1/reports/annual?year=2025");
		Map<String, Object> fakuAmongAll = list(everyone.get("ranking")).stream()
			.filter(line -> line.get("pairingId").equals("pairing-faku")).findFirst().orElseThrow();
		assertThat(list(annual.get("ranking"))).containsExactly(fakuAmongAll);
	}

	@Test
	void expertsAndHrBureausCannotReadReports() {
		for (String user : List.of("expert-0001", "hr-city")) {
			as(user).get().uri("/api/v1/reports/monthly?month=2025-06").exchange().expectStatus().isForbidden().expectBody();
			as(user).get().uri("/api/v1/reports/dispatch").exchange().expectStatus().isForbidden().expectBody();
		}
		anonymous().get().uri("/api/v1/reports/annual?year=2025").exchange().expectStatus().isUnauthorized().expectBody();
	}

	@Test
	void theAnnualRankingOrdersThePairingsByTheirDocumentedScore() {
		Map<String, Object> annual = json(as("coordinator"), "/api/v1/reports/annual?year=2025");
		List<Map<String, Object>> ranking = list(annual.get("ranking"));
		assertThat(ranking).extracting(line -> line.get("rank")).containsExactly(1, 2, 3, 4);
		Map<String, Object> weights = map(annual.get("weights"));
		double mostExchanged = ranking.stream()
			.mapToDouble(line -> numberAt(map(line.get("figures")), "secondments", "cityToCounty")
					+ numberAt(map(line.get("figures")), "secondments", "countyToCity"))
			.max().orElseThrow();
		double previous = Double.MAX_VALUE;
		for (Map<String, Object> line : ranking) {
			Map<String, Object> figures = map(line.get("figures"));
			Map<String, Object> outcomes = map(figures.get("outcomes"));
			double completed = intAt(figures, "visits", "completed");
			Map<String, Double> components = new HashMap<>();
			components.put("fill", numberAt(figures, "demand", "seats", "fillRate"));
			components.put("solved",
					(intAt(figures, "outcomes", "solved") + 0.5 * intAt(figures, "outcomes", "partlySolved")) / completed);
			components.put("rating", (((Number) outcomes.get("averageRating")).doubleValue() - 1) / 4);
			components.put("reliability", 1 - numberAt(figures, "visits", "noShowRate"));
			components.put("speed", Math.max(0, 1 - numberAt(figures, "demand", "medianHoursToFirstAcceptance") / 720));
			if (mostExchanged > 0) {
				components.put("exchange", (numberAt(figures, "secondments", "cityToCounty")
						+ numberAt(figures, "secondments", "countyToCity")) / mostExchanged);
			}
			double points = 0;
			double weight = 0;
			for (Map.Entry<String, Double> component : components.entrySet()) {
				double w = ((Number) weights.get(component.getKey())).doubleValue();
				points += w * component.getValue();
				weight += w;
				assertThat(((Number) map(line.get("components")).get(component.getKey())).doubleValue())
					.isCloseTo(component.getValue(), within(0.0001));
			}
			double score = ((Number) line.get("score")).doubleValue();
			assertThat(score).isCloseTo(100 * points / weight, within(0.06));
			assertThat(score).isLessThanOrEqualTo(previous);
			previous = score;
		}
	}

	@Test
	void everyReportComesAsCsvWithHeadersInTheReadersLanguage() throws IOException {
		Map<String, Object> report = json(as("coordinator"), "/api/v1/reports/monthly?month=2025-06");
		List<CSVRecord> english = csv(as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-06")
			.header(HttpHeaders.ACCEPT, "text/csv").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9"));
		assertThat(english).hasSize(5);
		assertThat(english.get(0).get("pairing")).isEqualTo("pairing-faku");
		assertThat(english.get(4).get("pairing")).isEqualTo("TOTAL");
		Map<String, Object> faku = map(list(report.get("pairings")).get(0).get("figures"));
		assertThat(Integer.parseInt(english.get(0).get("offers"))).isEqualTo(intAt(faku, "visits", "offers"));
		assertThat(Double.parseDouble(english.get(0).get("hours"))).isEqualTo(numberAt(faku, "visits", "hours"));
		assertThat(Integer.parseInt(english.get(0).get("declined: too far")))
			.isEqualTo(intAt(faku, "visits", "declinesByReason", "TOO_FAR"));

		// The seed token's locale is zh-CN.
		List<CSVRecord> chinese = csv(as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-06&format=csv"));
		assertThat(chinese.get(0).get("结对")).isEqualTo("pairing-faku");
		assertThat(chinese.get(4).get("结对")).isEqualTo("合计");
		assertThat(chinese.get(0).get("邀请数")).isEqualTo(english.get(0).get("offers"));

		List<CSVRecord> quarterly = csv(as("coordinator").get().uri("/api/v1/reports/quarterly?quarter=2025-Q2&format=csv&lang=en"));
		assertThat(quarterly).hasSize(5);
		List<CSVRecord> annual = csv(as("coordinator").get().uri("/api/v1/reports/annual?year=2025&lang=en")
			.header(HttpHeaders.ACCEPT, "application/json;q=0.5, text/csv"));
		assertThat(annual).extracting(line -> line.get("rank")).containsExactly("1", "2", "3", "4");
		List<CSVRecord> annualInChinese = csv(as("coordinator").get().uri("/api/v1/reports/annual?year=2025&format=csv"));
		assertThat(annualInChinese).extracting(line -> line.get("名次")).containsExactly("1", "2", "3", "4");
		assertThat(annualInChinese.get(0).get("总分")).isEqualTo(annual.get(0).get("score"));
		List<CSVRecord> sheetInChinese = csv(as("coordinator").get().uri("/api/v1/reports/dispatch?from=2025-06-07")
			.header(HttpHeaders.ACCEPT, "text/csv"));
		assertThat(sheetInChinese).extracting(line -> line.get("栏目")).contains("VISIT", "DECLINE");
		// A title with a comma and quotes survives the round trip.
		List<CSVRecord> dispatch = csv(as("coordinator").get().uri("/api/v1/reports/dispatch?from=2025-06-07&format=csv&lang=en"));
		assertThat(dispatch).isNotEmpty();
		assertThat(dispatch.get(0).get("title")).startsWith("Generated problem ").endsWith(", \"quoted\"");
	}

	@Test
	void theDispatchSheetShowsWhoIsComingWhatIsEmptyAndWhyAndWhatWentWrongLately() {
		LocalDate saturday = LocalDate.of(2030, 1, 5);
		Instant before = Instant.parse("2030-01-01T02:00:00Z");
		mongo.insertAll(List.of(request("d-planned", "faku", RequestStatus.PLANNED, saturday, new Seat("rural-tourism", 2, 2),
				new Seat("e-commerce", 2, 1)), request("d-short", "faku", RequestStatus.PLANNED, saturday.plusDays(1),
						new Seat("rural-tourism", 2, 2)), request("d-open", "faku", RequestStatus.OPEN, saturday,
								new Seat("e-commerce", 3, 1)), request("d-later", "faku", RequestStatus.PLANNED,
										saturday.plusDays(7), new Seat("e-commerce", 3, 1)), request("d-kangping", "kangping",
												RequestStatus.PLANNED, saturday, new Seat("e-commerce", 3, 1)))).blockLast();
		mongo.insertAll(List.of(
				assignment("d-1", "d-planned", "faku", 0, 0, saturday, "ex-0001", AssignmentStatus.ACCEPTED, before, List.of()),
				assignment("d-2", "d-planned", "faku", 0, 1, saturday, "ex-0002", AssignmentStatus.OFFERED, before, List.of()),
				assignment("d-3", "d-planned", "faku", 1, 0, saturday, "ex-0003", AssignmentStatus.DECLINED, before,
						List.of(new Assignment.Transition(AssignmentStatus.DECLINED, before.plusSeconds(3600), "expert-0003",
								"TOO_FAR", null))),
				assignment("d-4", "d-short", "faku", 0, 0, saturday.plusDays(1), "ex-0004", AssignmentStatus.ACCEPTED, before,
						List.of()),
				assignment("d-5", "d-later", "faku", 0, 0, saturday.plusDays(7), "ex-0005", AssignmentStatus.DECLINED,
						before.minus(Duration.ofDays(5)), List.of(new Assignment.Transition(AssignmentStatus.DECLINED,
								before.minus(Duration.ofDays(4)), "expert-0005", "WORKLOAD", "busy season"))),
				assignment("d-6", "d-later", "faku", 0, 0, LocalDate.of(2029, 12, 29), "ex-0006", AssignmentStatus.NO_SHOW,
						before.minus(Duration.ofDays(9)), List.of()),
				assignment("d-7", "d-kangping", "kangping", 0, 0, saturday, "ex-0007", AssignmentStatus.OFFERED, before,
						List.of()))).blockLast();

		Map<String, Object> sheet = json(as("agency-faku"), "/api/v1/reports/dispatch?from=2030-01-01");
		assertThat(sheet.get("to")).isEqualTo("2030-01-10");
		Map<String, Object> faku = list(sheet.get("counties")).get(0);
		List<Map<String, Object>> visits = list(faku.get("visits"));
		assertThat(visits).extracting(visit -> visit.get("requestId")).containsExactly("d-open", "d-planned", "d-short");

		Map<String, Object> open = visits.get(0);
		assertThat(open.get("planned")).isEqualTo(false);
		assertThat(at(open, "seats")).asList().hasSize(1);
		assertThat(list(map(list(open.get("seats")).get(0)).get("empty"))).extracting(empty -> empty.get("reason"))
			.containsExactly("NOT_PLANNED");

		Map<String, Object> planned = visits.get(1);
		assertThat(planned).containsEntry("positions", 3).containsEntry("confirmed", 1).containsEntry("offered", 1)
			.containsEntry("unfilled", 1);
		List<Map<String, Object>> seats = list(planned.get("seats"));
		assertThat(list(seats.get(0).get("people"))).extracting(person -> person.get("status"))
			.containsExactly("ACCEPTED", "OFFERED");
		assertThat(list(seats.get(0).get("people")).get(0)).containsEntry("displayName", expertName("ex-0001"));
		assertThat(list(seats.get(1).get("empty")).get(0)).containsEntry("reason", "GIVEN_BACK")
			.containsEntry("lastStatus", "DECLINED").containsEntry("declineReason", "TOO_FAR");
		assertThat(list(list(visits.get(2).get("seats")).get(0).get("empty")).get(0)).containsEntry("reason", "NO_CANDIDATE");

		assertThat(list(faku.get("waitingOffers"))).extracting(offer -> offer.get("assignmentId")).containsExactly("d-2");
		assertThat(list(faku.get("recentDeclines"))).singleElement()
			.satisfies(decline -> assertThat(decline).containsEntry("assignmentId", "d-5")
				.containsEntry("reason", "WORKLOAD").containsEntry("note", "busy season"));
		assertThat(list(faku.get("recentNoShows"))).extracting(noShow -> noShow.get("assignmentId")).containsExactly("d-6");

		Map<String, Object> everyone = json(as("coordinator"), "/api/v1/reports/dispatch?from=2030-01-01");
		Map<String, Object> kangping = list(everyone.get("counties")).stream()
			.filter(county -> county.get("countyId").equals("kangping")).findFirst().orElseThrow();
		assertThat(list(kangping.get("waitingOffers"))).extracting(offer -> offer.get("assignmentId")).containsExactly("d-7");
	}

	@Test
	void csvIsChosenWhenItIsPreferredOverJson() {
		for (String accept : List.of("text/csv", "text/csv, */*", "text/csv, application/json;q=0.9",
				"application/json;q=0.5, text/csv")) {
			as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-06").header(HttpHeaders.ACCEPT, accept)
				.exchange().expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8").expectBody();
		}
		for (String accept : List.of("*/*", "application/json", "application/json, text/csv", "text/*",
				"text/csv;q=0.5, application/json")) {
			as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-06").header(HttpHeaders.ACCEPT, accept)
				.exchange().expectStatus().isOk().expectHeader().contentType("application/json").expectBody();
		}
		as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-06&format=json").header(HttpHeaders.ACCEPT, "text/csv")
			.exchange().expectStatus().isOk().expectHeader().contentType("application/json").expectBody();
	}

	@Test
	void badPeriodsAndFormatsAreValidationProblems() {
		for (String uri : List.of("/api/v1/reports/monthly?month=2025-13", "/api/v1/reports/quarterly?quarter=2025-Q5",
				"/api/v1/reports/annual?year=1999", "/api/v1/reports/monthly?month=2025-06&format=xml",
				"/api/v1/reports/dispatch?from=June", "/api/v1/reports/annual?year=2025&lang=fr")) {
			as("coordinator").get().uri(uri).exchange().expectStatus().isBadRequest().expectBody()
				.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:validation-failed");
		}
		as("coordinator").get().uri("/api/v1/reports/monthly?month=2025-13").header(HttpHeaders.ACCEPT, "text/csv")
			.exchange().expectStatus().isBadRequest().expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:validation-failed");
	}

	private static DemandRequest opened(String id, String at) {
		return request(id, "faku", RequestStatus.OPEN, LocalDate.of(2025, 8, 2), OffsetDateTime.parse(at).toInstant(),
				new Seat("e-commerce", 2, 1));
	}

	private String expertName(String expertId) {
		return mongo.findById(expertId, Expert.class).map(Expert::displayName).block();
	}

	private static DemandRequest request(String id, String countyId, RequestStatus status, LocalDate date, Seat... seats) {
		return request(id, countyId, status, date, Instant.parse("2029-12-01T00:00:00Z"), seats);
	}

	private static DemandRequest request(String id, String countyId, RequestStatus status, LocalDate date, Instant opened,
			Seat... seats) {
		return new DemandRequest(id, countyId, "agency-" + countyId, "Problem " + id, "For the dispatch sheet",
				ActionCategory.INDUSTRY, null, List.of(seats), List.of(date), VisitDuration.ONE_DAY, Priority.HIGH,
				new Site(41.5, 122.7, "County seat"), status, null, List.of(), List.of(), null,
				new Contact("Liaison", "+86 199 0100 1000"), null, 0, opened, opened, opened);
	}

	private static Assignment assignment(String id, String requestId, String countyId, int seat, int position,
			LocalDate date, String expertId, AssignmentStatus status, Instant offered, List<Assignment.Transition> history) {
		return new Assignment(id, "plan-dispatch", requestId, countyId, seat, position, "e-commerce", date, false, expertId,
				status, offered.plus(Duration.ofHours(48)), null, history, null, 0, offered, offered, List.of(), List.of());
	}

	private Map<String, Object> json(org.springframework.test.web.reactive.server.WebTestClient client, String uri) {
		return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static List<CSVRecord> csv(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request)
			throws IOException {
		byte[] body = request.exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/csv;charset=UTF-8")
			.expectBody().returnResult().getResponseBody();
		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(new String(body, java.nio.charset.StandardCharsets.UTF_8)))) {
			return parser.getRecords();
		}
	}

}
