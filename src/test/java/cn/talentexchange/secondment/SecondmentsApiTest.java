package cn.talentexchange.secondment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** 双挂 as the two HR bureaus live it: post, nominate, approve from both sides, extend, terminate, and the ledger. */
@TestPropertySource(properties = "talent.embedded-mongo.database=secondments")
class SecondmentsApiTest extends ApiTest {

	@Autowired
	SecondmentCatalog catalog;

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void oneSidesApprovalAloneNeverStartsAPlacement() {
		String post = post("faku-drc", TODAY, TODAY.plusMonths(6).minusDays(1));
		String candidate = candidate("huanggu-drc", "林书航");
		as("hr-faku").get().uri("/api/v1/secondments/candidates/" + candidate).exchange().expectStatus().isNotFound()
			.expectBody();
		as("hr-city").get().uri("/api/v1/secondments/posts/" + post).exchange().expectStatus().isNotFound().expectBody();

		Map<?, ?> nominated = nominate("hr-city", post, candidate).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) nominated.get("id");
		assertThat(nominated.get("status")).isEqualTo("NOMINATED");
		assertThat(nominated.get("pairingId")).isEqualTo("pairing-faku");
		assertThat(nominated.containsKey("outbox")).isFalse();
		as("hr-faku").get().uri("/api/v1/secondments/placements/" + id).exchange().expectStatus().isOk().expectBody();
		as("agency-faku").get().uri("/api/v1/secondments/placements/" + id).exchange().expectStatus().isForbidden().expectBody();
		as("coordinator").post().uri("/api/v1/secondments/placements/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", "HOME")).exchange().expectStatus().isForbidden().expectBody();

		approve("hr-city", id, "HOST").expectStatus().isNotFound().expectBody();
		approve("hr-city", id, "HOME").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("NOMINATED")
			.jsonPath("$.approvals.home.by").isEqualTo("hr-city").jsonPath("$.approvals.host").isEmpty();
		approve("hr-city", id, "HOME").expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentStatus")
			.isEqualTo("NOMINATED");
		approve("hr-faku", id, "HOST").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
		assertThat(inboxEventsAbout("hr-city", id)).as("the home side hears of each step")
			.contains("挂职人选已提名", "挂职已获双方同意", "挂职已开始").doesNotContain("挂职已获一方同意");
		assertThat(inboxEventsAbout("hr-faku", id)).as("the host side hears that the home side approved")
			.contains("挂职已获一方同意");

		LocalDate newEnd = TODAY.plusMonths(9).minusDays(1);
		as("hr-faku").post().uri("/api/v1/secondments/placements/" + id + "/extension").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", "HOST", "newEnd", newEnd.toString())).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("ACTIVE").jsonPath("$.extension.newEnd").isEqualTo(newEnd.toString());
		approveExtension("hr-faku", id, "HOST").expectStatus().isEqualTo(409).expectBody();
		approveExtension("hr-city", id, "HOME").expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("EXTENDED").jsonPath("$.period.end").isEqualTo(newEnd.toString())
			.jsonPath("$.extension").isEmpty();

		as("hr-city").post().uri("/api/v1/secondments/placements/" + id + "/terminate").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "派出单位工作需要，提前召回")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("TERMINATED").jsonPath("$.endedOn").isEqualTo(TODAY.toString());
		approve("hr-faku", id, "HOST").expectStatus().isEqualTo(409).expectBody();
	}

	@Test
	@SuppressWarnings("unchecked")
	void eachBureauListsOnlyItsOwnAndAnExpertSeesTheirOwnPlacement() {
		String post = post("faku-drc", TODAY.plusMonths(2), TODAY.plusMonths(5));
		Map<?, ?> created = as("hr-city").post().uri("/api/v1/secondments/candidates").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "周启明", "homeOrganisationId", "huanggu-drc", "expertId", "ex-0077", "skills",
					List.of(Map.of("skill", "industrial-planning", "level", 4)), "availability",
					List.of(Map.of("start", TODAY.toString(), "end", TODAY.plusYears(1).toString()))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) nominate("hr-city", post, (String) created.get("id")).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");

		Map<?, ?> fakuCandidates = as("hr-faku").get().uri("/api/v1/secondments/candidates?size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) fakuCandidates.get("items"))
			.allSatisfy(candidate -> assertThat(candidate.get("homeAreaId")).isEqualTo("faku"));
		Map<?, ?> cityPosts = as("hr-city").get().uri("/api/v1/secondments/posts?size=100").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) cityPosts.get("items"))
			.allSatisfy(found -> assertThat(found.get("hostAreaId")).isNotIn("faku", "xinmin", "kangping", "liaozhong"));
		Map<?, ?> kangping = as("hr-faku").get().uri("/api/v1/secondments/placements?size=100").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) kangping.get("items")).allSatisfy(placement -> assertThat(
				List.of(placement.get("homeAreaId"), placement.get("hostAreaId"))).contains("faku"));

		as("expert-0077").get().uri("/api/v1/secondments/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].id").isEqualTo(id).jsonPath("$.total").isEqualTo(1);
		as("expert-0078").get().uri("/api/v1/secondments/me").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		as("expert-0077").get().uri("/api/v1/secondments/placements/" + id).exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void aPostWhosePeriodHasBegunIsClosed() {
		String begun = post("faku-drc", TODAY.minusDays(1), TODAY.plusMonths(5));
		String ahead = post("faku-drc", TODAY.plusDays(1), TODAY.plusMonths(5));

		assertThat(catalog.closeStarted().block()).isPositive();

		as("hr-faku").get().uri("/api/v1/secondments/posts/" + begun).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CLOSED");
		as("hr-faku").get().uri("/api/v1/secondments/posts/" + ahead).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("OPEN");
		nominate("hr-city", begun, candidate("huanggu-drc", "迟到者")).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("postId");
	}

	@Test
	void aPersonIsNeverInTwoOverlappingPlacements() {
		String first = post("faku-invest", TODAY.plusMonths(1), TODAY.plusMonths(4));
		String overlapping = post("faku-drc", TODAY.plusMonths(3), TODAY.plusMonths(8));
		String candidate = candidate("huanggu-drc", "宋知远");
		nominate("hr-city", first, candidate).expectStatus().isCreated().expectBody();
		nominate("hr-city", first, candidate).expectStatus().isCreated().expectBody()
			.jsonPath("$.id").isEqualTo("sec-" + first + "-" + candidate);
		nominate("hr-city", overlapping, candidate).expectStatus().isEqualTo(409).expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:overlapping-placement")
			.jsonPath("$.clashingSecondmentId").isEqualTo("sec-" + first + "-" + candidate);

		// Raced: two nominations of one person to two overlapping posts, many times; exactly one wins each time.
		WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
			.defaultHeader("Authorization", "Bearer " + token("hr-city")).build();
		for (int round = 0; round < 10; round++) {
			String a = post("faku-drc", TODAY.plusMonths(2), TODAY.plusMonths(5));
			String b = post("faku-invest", TODAY.plusMonths(4), TODAY.plusMonths(7));
			String person = candidate("huanggu-drc", "并发候选人" + round);
			List<Integer> statuses = Flux.just(a, b)
				.flatMap(postId -> client.post().uri("/api/v1/secondments/placements").contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("postId", postId, "candidateId", person))
					.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
				.collectList()
				.block();
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theMatcherProposesWithinTheRulesAndPublishesNominationsOnce() throws InterruptedException {
		Map<?, ?> started = as("coordinator").post().uri("/api/v1/secondments/plans").exchange().expectStatus().isAccepted()
			.expectBody(Map.class).returnResult().getResponseBody();
		String planId = (String) started.get("id");
		Map<?, ?> run = started;
		for (int wait = 0; wait < 100 && !"SOLVED".equals(run.get("status")); wait++) {
			Thread.sleep(200);
			run = as("coordinator").get().uri("/api/v1/secondments/plans/" + planId).exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
		}
		assertThat(run.get("status")).isEqualTo("SOLVED");
		assertThat(((Map<?, ?>) run.get("score")).get("hard")).isEqualTo(0);
		List<Map<String, Object>> proposals = (List<Map<String, Object>>) run.get("proposals");
		List<Map<String, Object>> filled = proposals.stream().filter(proposal -> proposal.get("candidateId") != null).toList();
		assertThat(filled).as("the seeds' open posts find candidates").isNotEmpty();
		assertThat(proposals).flatExtracting(proposal -> (List<Map<String, Object>>) proposal.get("scoredBy"))
			.as("only rules that scored are reasons").noneMatch(rule -> "0hard/0medium/0soft".equals(rule.get("score")));
		for (Map<String, Object> proposal : filled) {
			Map<?, ?> post = as("coordinator").get().uri("/api/v1/secondments/posts/" + proposal.get("postId")).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
			Map<?, ?> candidate = as("coordinator").get().uri("/api/v1/secondments/candidates/" + proposal.get("candidateId"))
				.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
			for (Map<String, Object> required : (List<Map<String, Object>>) post.get("requiredSkills")) {
				assertThat(((List<Map<String, Object>>) candidate.get("skills")).stream()
					.filter(held -> held.get("skill").equals(required.get("skill")))
					.mapToInt(held -> ((Number) held.get("level")).intValue()).max().orElse(0))
					.isGreaterThanOrEqualTo(((Number) required.get("minLevel")).intValue());
			}
		}
		Map<?, ?> fakuView = as("hr-faku").get().uri("/api/v1/secondments/plans/" + planId).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat((List<Map<String, Object>>) fakuView.get("proposals")).allSatisfy(proposal -> assertThat(
				List.of(proposal.get("hostAreaId"), String.valueOf(proposal.get("homeAreaId")))).contains("faku"));
		as("agency-faku").post().uri("/api/v1/secondments/plans").exchange().expectStatus().isForbidden().expectBody();
		as("hr-city").get().uri("/api/v1/secondments/plans").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[?(@.id == '" + planId + "')].status").isEqualTo(List.of("SOLVED"));

		Map<?, ?> published = as("coordinator").post().uri("/api/v1/secondments/plans/" + planId + "/publish").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Number) published.get("nominated")).intValue()).isEqualTo(filled.size());
		long nominated = all().stream().filter(placement -> planId.equals(placement.get("planId"))).count();
		assertThat(nominated).isEqualTo(filled.size());
		as("coordinator").post().uri("/api/v1/secondments/plans/" + planId + "/publish").exchange().expectStatus().isOk()
			.expectBody();
		assertThat(all().stream().filter(placement -> planId.equals(placement.get("planId"))).count())
			.as("publishing again nominates nobody twice").isEqualTo(nominated);
	}

	@Test
	void theLedgerAddsUpAgainstThePlacements() {
		List<Map<String, Object>> placements = all();
		Map<String, String> tiers = new HashMap<>();
		for (Map<String, Object> organisation : organisations()) {
			tiers.put((String) organisation.get("id"), (String) organisation.get("tier"));
		}
		LocalDate monthStart = TODAY.withDayOfMonth(1);
		for (LocalDate[] window : List.of(new LocalDate[] { null, null },
				new LocalDate[] { monthStart, monthStart.plusMonths(1).minusDays(1) })) {
			String query = window[0] == null ? "" : "?from=" + window[0] + "&to=" + window[1];
			Map<?, ?> ledger = as("coordinator").get().uri("/api/v1/secondments/ledger" + query).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
			List<Map<String, Object>> pairings = rows(ledger, "pairings");
			assertThat(pairings).extracting(row -> row.get("pairingId"))
				.containsExactlyInAnyOrder("pairing-faku", "pairing-kangping", "pairing-liaozhong", "pairing-xinmin");
			for (Map<String, Object> row : pairings) {
				double cityToCounty = 0;
				double countyToCity = 0;
				for (Map<String, Object> placement : placements) {
					if (row.get("pairingId").equals(placement.get("pairingId"))) {
						double months = countedMonths(placement, window[0], window[1]);
						if ("CITY".equals(tiers.get(placement.get("homeOrganisationId")))) {
							cityToCounty += months;
						}
						else {
							countyToCity += months;
						}
					}
				}
				assertThat(number(row, "cityToCounty")).as("city to county in " + row.get("pairingId") + query)
					.isCloseTo(cityToCounty, within(0.05));
				assertThat(number(row, "countyToCity")).isCloseTo(countyToCity, within(0.05));
				assertThat(((Number) row.get("balance")).doubleValue()).isCloseTo(cityToCounty - countyToCity, within(0.05));
			}
			if (window[0] == null) {
				assertThat(pairings).as("the seeds' history").allSatisfy(row -> assertThat(number(row, "cityToCounty")).isPositive());
			}
		}

		Map<?, ?> faku = as("hr-faku").get().uri("/api/v1/secondments/ledger").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(rows(faku, "pairings")).extracting(row -> row.get("pairingId")).containsExactly("pairing-faku");
		assertThat(rows(faku, "organisationPairs")).isNotEmpty().allSatisfy(pair -> assertThat(
				List.of(pair.get("homeOrganisationId"), pair.get("hostOrganisationId")))
			.anyMatch(org -> ((String) org).startsWith("faku")));
	}

	/** The months of a placement inside the window (null ends: unbounded), counted up to where it ended. */
	private static double countedMonths(Map<String, Object> placement, LocalDate from, LocalDate to) {
		Map<?, ?> period = (Map<?, ?>) placement.get("period");
		LocalDate start = LocalDate.parse((String) period.get("start"));
		LocalDate end = LocalDate.parse((String) period.get("end"));
		if (placement.get("endedOn") != null) {
			LocalDate ended = LocalDate.parse((String) placement.get("endedOn"));
			end = ended.isBefore(end) ? ended : end;
		}
		if (from != null && start.isBefore(from)) {
			start = from;
		}
		if (to != null && end.isAfter(to)) {
			end = to;
		}
		if (end.isBefore(start)) {
			return 0;
		}
		return Math.round((end.toEpochDay() - start.toEpochDay() + 1) / (365.25 / 12) * 10) / 10.0;
	}

	/** The titles of the caller's inbox entries about a placement, once the relay has caught up. */
	@SuppressWarnings("unchecked")
	private List<Object> inboxEventsAbout(String username, String placementId) {
		List<Object> titles = List.of();
		for (int wait = 0; wait < 50 && titles.size() < 3; wait++) {
			Map<?, ?> inbox = as(username).get().uri("/api/v1/me/inbox?size=100").exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
			titles = ((List<Map<String, Object>>) inbox.get("items")).stream()
				.filter(item -> placementId.equals(item.get("subjectId")))
				.map(item -> item.get("title"))
				.toList();
			sleep();
		}
		return titles;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static double number(Map<String, Object> row, String direction) {
		return ((Number) ((Map<?, ?>) row.get(direction)).get("total")).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<?, ?> ledger, String key) {
		return (List<Map<String, Object>>) ledger.get(key);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> all() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/secondments/placements?size=100").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Number) page.get("total")).intValue()).isLessThanOrEqualTo(100);
		return (List<Map<String, Object>>) page.get("items");
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> organisations() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/secondments/organisations?size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Number) page.get("total")).intValue()).isLessThanOrEqualTo(100);
		return (List<Map<String, Object>>) page.get("items");
	}

	private String post(String host, LocalDate start, LocalDate end) {
		String hr = host.startsWith("faku") ? "hr-faku" : "hr-city";
		Map<?, ?> created = as(hr).post().uri("/api/v1/secondments/posts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("hostOrganisationId", host, "role", "项目办副主任（挂职）", "requiredSkills",
					List.of(Map.of("skill", "industrial-planning", "minLevel", 3)), "period",
					Map.of("start", start.toString(), "end", end.toString()), "positions", 1, "direction", "CITY_TO_COUNTY"))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("id");
	}

	private String candidate(String home, String name) {
		Map<?, ?> created = as("hr-city").post().uri("/api/v1/secondments/candidates").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "homeOrganisationId", home, "skills",
					List.of(Map.of("skill", "industrial-planning", "level", 4)), "availability",
					List.of(Map.of("start", TODAY.minusDays(1).toString(), "end", TODAY.plusYears(1).toString()))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("id");
	}

	private WebTestClient.ResponseSpec nominate(String hr, String post, String candidate) {
		return as(hr).post().uri("/api/v1/secondments/placements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postId", post, "candidateId", candidate)).exchange();
	}

	private WebTestClient.ResponseSpec approve(String hr, String id, String side) {
		return as(hr).post().uri("/api/v1/secondments/placements/" + id + "/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", side)).exchange();
	}

	private WebTestClient.ResponseSpec approveExtension(String hr, String id, String side) {
		return as(hr).post().uri("/api/v1/secondments/placements/" + id + "/extension/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", side)).exchange();
	}

	private String token(String username) {
		Map<?, ?> answer = anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody();
		return (String) answer.get("accessToken");
	}

}
