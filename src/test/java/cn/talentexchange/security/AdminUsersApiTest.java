package cn.talentexchange.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators set staff roles; the next token carries them; nobody else may, and no admin can lock themselves out. */
@TestPropertySource(properties = "talent.embedded-mongo.database=admin-users")
class AdminUsersApiTest extends ApiTest {

	private static final String PATH = "/api/v1/admin/users/{id}/roles";

	@Test
	void anAdministratorMakesTheCountyAgencyAnHrBureauAndItsNextTokenSaysSo() {
		as("admin").get().uri(PATH, "agency-xinmin").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.roles").isEqualTo(List.of("COUNTY_AGENCY"))
			.jsonPath("$.countyId").isEqualTo("xinmin")
			.jsonPath("$.organisationIds").isEmpty();

		as("admin").put().uri(PATH, "agency-xinmin").header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("HR_BUREAU", "COORDINATOR"), "organisationIds", List.of("xinmin", "huanggu")))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.roles").isEqualTo(List.of("COORDINATOR", "HR_BUREAU"))
			.jsonPath("$.countyId").doesNotExist()
			.jsonPath("$.organisationIds").isEqualTo(List.of("huanggu", "xinmin"))
			.jsonPath("$.version").isEqualTo(1);

		JsonNode claims = claimsOfNewToken("agency-xinmin");
		assertThat(claims.path("roles").toString()).isEqualTo("[\"COORDINATOR\",\"HR_BUREAU\"]");
		assertThat(claims.path("orgs").toString()).contains("huanggu", "xinmin");
		assertThat(claims.has("county")).isFalse();

		// The version read is stale now.
		as("admin").put().uri(PATH, "agency-xinmin").header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("COORDINATOR")))
			.exchange().expectStatus().isEqualTo(412).expectBody();
		as("admin").put().uri(PATH, "agency-xinmin")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("COORDINATOR")))
			.exchange().expectStatus().isEqualTo(428).expectBody();
	}

	@Test
	void onlyAnAdministratorReadsOrSetsRoles() {
		for (String user : List.of("coordinator", "agency-faku", "hr-city", "expert-0001")) {
			as(user).get().uri(PATH, "agency-faku").exchange().expectStatus().isForbidden().expectBody();
			as(user).put().uri(PATH, user).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", List.of("ADMIN"), "version", 0))
				.exchange().expectStatus().isForbidden().expectBody();
		}
		anonymous().get().uri(PATH, "agency-faku").exchange().expectStatus().isUnauthorized().expectBody();
		as("admin").get().uri(PATH, "nobody").exchange().expectStatus().isNotFound().expectBody();
		// Experts are not staff accounts.
		as("admin").get().uri(PATH, "expert-0001").exchange().expectStatus().isNotFound().expectBody();
	}

	@Test
	void rolesMustComeWithTheScopeTheyNeedAndNothingElse() {
		List<Map<String, Object>> refused = List.of(Map.of("roles", List.of("EXPERT"), "version", 0),
				Map.of("roles", List.of("COUNTY_AGENCY"), "version", 0),
				Map.of("roles", List.of("COUNTY_AGENCY"), "countyId", "atlantis", "version", 0),
				Map.of("roles", List.of("COORDINATOR"), "countyId", "faku", "version", 0),
				Map.of("roles", List.of("HR_BUREAU"), "version", 0),
				Map.of("roles", List.of("HR_BUREAU"), "organisationIds", List.of("faku", "atlantis"), "version", 0),
				Map.of("roles", List.of("COORDINATOR"), "organisationIds", List.of("faku"), "version", 0),
				Map.of("roles", List.of(), "version", 0));
		for (Map<String, Object> change : refused) {
			as("admin").put().uri(PATH, "agency-kangping").contentType(MediaType.APPLICATION_JSON).bodyValue(change)
				.exchange().expectStatus().isBadRequest()
				.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:validation-failed");
		}
		as("admin").get().uri(PATH, "agency-kangping").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(0).jsonPath("$.roles").isEqualTo(List.of("COUNTY_AGENCY"));
	}

	@Test
	void anAdministratorCannotTakeAwayTheirOwnAdminRole() {
		as("admin").put().uri(PATH, "admin").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("COORDINATOR"), "version", 0))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:own-admin-role");
		as("admin").get().uri(PATH, "admin").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("ADMIN"));
	}

	private JsonNode claimsOfNewToken(String username) {
		Map<?, ?> answer = anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		String payload = ((String) answer.get("accessToken")).split("\\.")[1];
		return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
