package cn.talentexchange.expert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ExpertsApiTest extends ApiTest {

	private String skill;

	@BeforeEach
	void pickASkill() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/skills?size=1").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		skill = (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
	}

	@Test
	void aCoordinatorRegistersAnExpertWhoCanThenSignIn() {
		String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = register(username);
		assertThat(created.get("username")).isEqualTo(username);
		assertThat(created.get("version")).isEqualTo(0);
		as(username).get().uri("/api/v1/experts/me").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.id").isEqualTo(created.get("id"));
	}

	@Test
	void aTakenUsernameIsAConflict() {
		as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(newExpert("expert-0001"))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:duplicate");
	}

	@Test
	void aStaffUsernameCannotBecomeAnExpert() {
		as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(newExpert("agency-faku"))
			.exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:duplicate");
	}

	@Test
	void aRetiredExpertCanNoLongerSignInOrChangeAnything() {
		String username = "retiring-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = register(username);
		as(username).get().uri("/api/v1/experts/me").exchange().expectStatus().isOk().expectBody();
		Map<String, Object> retire = changes("Li Wei", 0);
		retire.put("status", "RETIRED");
		as("coordinator").put().uri("/api/v1/experts/" + created.get("id")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(retire).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETIRED");

		// The token they still hold no longer opens anything: the account is read at every request.
		as(username).post().uri("/api/v1/experts/me/devices").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", "late-token", "platform", "IOS"))
			.exchange().expectStatus().isUnauthorized().expectBody();
		anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username))
			.exchange().expectStatus().isNotFound().expectBody();
	}

	@Test
	void coordinatorsSearchBySkillLevelOrganisationAndAvailability() {
		String username = "search-" + UUID.randomUUID().toString().substring(0, 8);
		Map<?, ?> created = register(username);
		LocalDate saturday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		as(username).put().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dates", List.of(saturday.toString()), "version", 0))
			.exchange().expectStatus().isOk().expectBody();

		as("coordinator").get()
			.uri(uri -> uri.path("/api/v1/experts").queryParam("skill", skill).queryParam("minLevel", 4)
				.queryParam("organisationId", "heping").queryParam("availableOn", saturday).queryParam("q", username)
				.build())
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(1)
			.jsonPath("$.items[0].id").isEqualTo(created.get("id"));
		as("coordinator").get()
			.uri(uri -> uri.path("/api/v1/experts").queryParam("skill", skill).queryParam("minLevel", 5)
				.queryParam("q", username).build())
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0);
		as("coordinator").get()
			.uri(uri -> uri.path("/api/v1/experts").queryParam("availableOn", saturday.plusWeeks(1))
				.queryParam("q", username).build())
			.exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void aStaleUpdateIsRefusedAndChangesNothing() {
		Map<?, ?> created = register("stale-" + UUID.randomUUID().toString().substring(0, 8));
		String path = "/api/v1/experts/" + created.get("id");
		Map<String, Object> changes = changes("First name", 0);
		as("coordinator").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(changes)
			.exchange().expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody().jsonPath("$.version").isEqualTo(1);

		as("coordinator").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(changes("Second name", 0))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:version-conflict")
			.jsonPath("$.currentVersion").isEqualTo(1);
		as("coordinator").put().uri(path).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(changes("Third name", null))
			.exchange().expectStatus().isEqualTo(412)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:precondition-failed");
		as("coordinator").put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(changes("Fourth", null))
			.exchange().expectStatus().isEqualTo(428)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:precondition-required");

		as("coordinator").get().uri(path).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.displayName").isEqualTo("First name").jsonPath("$.version").isEqualTo(1);
	}

	@Test
	void anAdminSeesExpertsWithMaskedPhoneNumbers() {
		Map<?, ?> created = register("masked-" + UUID.randomUUID().toString().substring(0, 8));
		as("admin").get().uri("/api/v1/experts/" + created.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.phone").isEqualTo("+86 199 **** 4321");
		as("coordinator").get().uri("/api/v1/experts/" + created.get("id")).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.phone").isEqualTo("+86 199 8765 4321");
	}

	@Test
	void anExpertCannotReadAnotherExpert() {
		Map<?, ?> other = register("private-" + UUID.randomUUID().toString().substring(0, 8));
		as("expert-0001").get().uri("/api/v1/experts/" + other.get("id")).exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.phone").doesNotExist();
		as("expert-0001").get().uri("/api/v1/experts").exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void otherRolesCannotManageExperts() {
		as("agency-faku").get().uri("/api/v1/experts").exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:forbidden");
		as("hr-city").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(newExpert("never-created"))
			.exchange().expectStatus().isForbidden().expectBody();
		as("admin").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(newExpert("never-created"))
			.exchange().expectStatus().isForbidden().expectBody();
		as("coordinator").get().uri("/api/v1/experts?q=never-created").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void unknownReferencesAreValidationProblems() {
		Map<String, Object> body = newExpert("badref-" + UUID.randomUUID().toString().substring(0, 8));
		body.put("skills", List.of(Map.of("skill", "underwater-basket-weaving", "level", 3)));
		as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("skills");
	}

	private Map<?, ?> register(String username) {
		return as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(newExpert(username))
			.exchange()
			.expectStatus().isCreated()
			.expectHeader().exists(HttpHeaders.LOCATION)
			.expectBody(Map.class).returnResult().getResponseBody();
	}

	Map<String, Object> newExpert(String username) {
		Map<String, Object> body = new HashMap<>(changes("Li Wei", null));
		body.remove("status");
		body.remove("version");
		body.put("username", username);
		return body;
	}

	private Map<String, Object> changes(String displayName, Integer version) {
		Map<String, Object> body = new HashMap<>();
		body.put("displayName", displayName);
		body.put("phone", "+86 199 8765 4321");
		body.put("email", "li.wei@example.cn");
		body.put("employer", "沈阳市规划设计研究院");
		body.put("organisationId", "heping");
		body.put("homeLocation", Map.of("lat", 41.7886, "lon", 123.4011));
		body.put("skills", List.of(Map.of("skill", skill, "level", 4)));
		body.put("maxWeekendsPerMonth", 2);
		body.put("maxTravelMinutes", 120);
		body.put("preferredCountyIds", List.of("faku"));
		body.put("preferredCategories", List.of("PLANNING"));
		body.put("locale", "zh-CN");
		body.put("contactConsent", true);
		body.put("status", "ACTIVE");
		if (version != null) {
			body.put("version", version);
		}
		return body;
	}

}
