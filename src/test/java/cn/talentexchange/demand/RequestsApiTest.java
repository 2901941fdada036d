package cn.talentexchange.demand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

class RequestsApiTest extends ApiTest {

	private static final LocalDate SATURDAY = LocalDate.now(ZoneId.of("Asia/Shanghai"))
		.with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
		.plusWeeks(1);

	private String skill;

	@BeforeEach
	void pickAnIndustrySkill() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/skills?category=INDUSTRY&size=1").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		skill = (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
	}

	@Test
	void anAgencyPostsForItsOwnCountyOpensAndCancels() {
		Map<?, ?> created = create("agency-faku", request(null));
		assertThat(created.get("countyId")).isEqualTo("faku");
		assertThat(created.get("status")).isEqualTo("DRAFT");
		assertThat(created.get("postedBy")).isEqualTo("agency-faku");
		String path = "/api/v1/requests/" + created.get("id");

		as("agency-faku").post().uri(path + "/open").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.openedAt").isNotEmpty();
		as("agency-faku").post().uri(path + "/open").exchange()
			.expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:invalid-state")
			.jsonPath("$.currentStatus").isEqualTo("OPEN");
		as("agency-faku").post().uri(path + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Solved locally"))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancellationReason").isEqualTo("Solved locally");
	}

	@Test
	void anAgencyCannotSeeOrChangeAnotherCountysRequests() {
		Map<?, ?> kangping = create("agency-kangping", request(null));
		String path = "/api/v1/requests/" + kangping.get("id");
		Map<String, Object> changes = request(null);
		changes.put("title", "Hijacked");
		changes.put("version", 0);

		as("agency-faku").get().uri(path).exchange().expectStatus().isNotFound().expectBody();
		as("agency-faku").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(changes)
			.exchange().expectStatus().isNotFound().expectBody();
		as("agency-faku").post().uri(path + "/open").exchange().expectStatus().isNotFound().expectBody();
		as("agency-faku").post().uri(path + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "x")).exchange().expectStatus().isNotFound().expectBody();
		as("agency-faku").get().uri("/api/v1/requests?countyId=kangping").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
		as("agency-faku").get().uri("/api/v1/requests?size=100").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.items[*].countyId").value(everyItem(is("faku")));
		as("agency-faku").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request("kangping")).exchange().expectStatus().isForbidden().expectBody();

		as("agency-kangping").get().uri(path).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("法库县通用航空产业链招商图谱");
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() {
		Map<?, ?> created = create("agency-xinmin", request(null));
		String path = "/api/v1/requests/" + created.get("id");
		Map<String, Object> first = request(null);
		first.put("title", "First edit");
		first.put("version", 0);
		as("agency-xinmin").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(first)
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
		Map<String, Object> stale = new HashMap<>(first);
		stale.put("title", "Stale edit");
		as("agency-xinmin").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(stale)
			.exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentVersion").isEqualTo(1);
		as("coordinator").get().uri(path).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("First edit");
	}

	@Test
	void expertsSeeOnlyOpenRequestsWithoutInternalFields() {
		Map<String, Object> body = request(null);
		body.put("internalNotes", "Budget 20k, do not share");
		Map<?, ?> draft = create("agency-liaozhong", body);
		as("expert-0020").get().uri("/api/v1/requests/" + draft.get("id")).exchange()
			.expectStatus().isNotFound().expectBody();

		as("agency-liaozhong").post().uri("/api/v1/requests/" + draft.get("id") + "/open").exchange()
			.expectStatus().isOk().expectBody();
		as("expert-0020").get().uri("/api/v1/requests/" + draft.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.title").isNotEmpty()
			.jsonPath("$.internalNotes").doesNotExist()
			.jsonPath("$.contact").doesNotExist()
			.jsonPath("$.postedBy").doesNotExist();
		as("expert-0020").get().uri("/api/v1/requests?size=100").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items[*].status").value(everyItem(is("OPEN")));
		as("expert-0020").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request(null)).exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void expertsBrowseTheOpenRequestsNewestFirstUntilTheyClose() {
		String older = (String) create("agency-kangping", request(null)).get("id");
		String newer = (String) create("agency-kangping", request(null)).get("id");
		for (String id : List.of(older, newer)) {
			as("agency-kangping").post().uri("/api/v1/requests/" + id + "/open").exchange().expectStatus().isOk()
				.expectBody();
		}
		List<String> listed = openIdsInKangping();
		assertThat(listed).containsSubsequence(newer, older);

		as("agency-kangping").post().uri("/api/v1/requests/" + newer + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Solved locally")).exchange().expectStatus().isOk().expectBody();
		assertThat(openIdsInKangping()).contains(older).doesNotContain(newer);
		as("expert-0020").get().uri("/api/v1/requests?status=DRAFT").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@SuppressWarnings("unchecked")
	private List<String> openIdsInKangping() {
		Map<?, ?> page = as("expert-0021").get().uri("/api/v1/requests?countyId=kangping&size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
	}

	@Test
	void coordinatorsSeeAllCountiesAndMustNameOneWhenPosting() {
		as("coordinator").get().uri("/api/v1/requests?status=OPEN&size=100").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(40));
		as("coordinator").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request(null)).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("countyId");
		create("coordinator", request("kangping"));
	}

	@Test
	void datesMustBeWeekendsAndWholeWeekendsStartOnSaturday() {
		Map<String, Object> weekday = request(null);
		weekday.put("acceptableDates", List.of(SATURDAY.minusDays(1).toString()));
		as("agency-faku").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(weekday)
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("acceptableDates[0]");
		Map<String, Object> sundayWeekend = request(null);
		sundayWeekend.put("duration", "WEEKEND");
		sundayWeekend.put("acceptableDates", List.of(SATURDAY.plusDays(1).toString()));
		as("agency-faku").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(sundayWeekend)
			.exchange().expectStatus().isBadRequest().expectBody();
	}

	private Map<?, ?> create(String username, Map<String, Object> body) {
		return as(username).post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Map<String, Object> request(String countyId) {
		Map<String, Object> body = new HashMap<>();
		if (countyId != null) {
			body.put("countyId", countyId);
		}
		body.put("title", "法库县通用航空产业链招商图谱");
		body.put("description", "梳理通用航空产业链上下游，形成招商图谱。");
		body.put("category", "INDUSTRY");
		body.put("subCategory", "investment");
		body.put("seats", List.of(Map.of("skill", skill, "minLevel", 3, "count", 2)));
		body.put("acceptableDates", List.of(SATURDAY.toString(), SATURDAY.plusWeeks(1).toString()));
		body.put("duration", "ONE_DAY");
		body.put("priority", "HIGH");
		body.put("location", Map.of("lat", 42.5, "lon", 123.4, "address", "法库县经济开发区管委会"));
		body.put("contact", Map.of("name", "张明", "phone", "+86 199 0100 0001"));
		return body;
	}

}
