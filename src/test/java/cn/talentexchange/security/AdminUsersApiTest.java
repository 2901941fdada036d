package cn.talentexchange.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators set staff roles, and the next token carries them. Nobody else may, an administrator never
 * changes their own account, and one demoted keeps no power through an older token.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=admin-users")
class AdminUsersApiTest extends ApiTest {

	private static final String PATH = "/api/v1/admin/users/{id}/roles";

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	StaffUserVersions versions;

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
	void anAccountStoredBeforeAccountsHadVersionsIsReadAndChangedAfterTheMigration() {
		mongo.insert(new Document("_id", "user-legacy").append("username", "legacy").append("displayName", "Legacy bureau")
			.append("roles", List.of("COORDINATOR")).append("organisationIds", List.of()).append("locale", "en")
			.append("enabled", true), "users").block();

		versions.run().block();

		as("admin").get().uri(PATH, "legacy").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.version").isEqualTo(0);
		as("admin").put().uri(PATH, "legacy").header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("COUNTY_AGENCY"), "countyId", "faku"))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
		assertThat(claimsOfNewToken("legacy").path("county").asString()).isEqualTo("faku");
	}

	@Test
	void aDisabledAccountIsNotGivenRoles() {
		mongo.insert(new Document("_id", "user-gone").append("username", "gone").append("displayName", "Former bureau")
			.append("roles", List.of("COORDINATOR")).append("organisationIds", List.of()).append("locale", "zh-CN")
			.append("enabled", false).append("version", 2L), "users").block();

		as("admin").put().uri(PATH, "gone").header(HttpHeaders.IF_MATCH, "\"2\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("ADMIN")))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:invalid-state")
			.jsonPath("$.currentStatus").isEqualTo("DISABLED");
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
				Map.of("roles", List.of("HR_BUREAU"), "organisationIds", List.of(" "), "version", 0),
				Map.of("roles", List.of("COUNTY_AGENCY"), "countyId", "", "version", 0),
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
	void anAdministratorCannotChangeTheirOwnRoles() {
		as("admin").put().uri(PATH, "admin").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("COORDINATOR"), "version", 0))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:own-account");
		as("admin").put().uri(PATH, "admin").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("ADMIN", "COORDINATOR"), "version", 0))
			.exchange().expectStatus().isEqualTo(409).expectBody();
		as("admin").get().uri(PATH, "admin").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("ADMIN"));
	}

	@Test
	void aDemotedAdministratorsOldTokenNoLongerChangesRoles() {
		as("admin").put().uri(PATH, "agency-liaozhong").header(HttpHeaders.IF_MATCH, "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("ADMIN")))
			.exchange().expectStatus().isOk().expectBody();
		String promotedToken = token("agency-liaozhong");
		as("admin").put().uri(PATH, "agency-liaozhong").header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("COUNTY_AGENCY"), "countyId", "liaozhong"))
			.exchange().expectStatus().isOk().expectBody();

		// The token still says ADMIN; the stored account does not.
		anonymous().put().uri(PATH, "agency-faku").header(HttpHeaders.AUTHORIZATION, "Bearer " + promotedToken)
			.header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("ADMIN")))
			.exchange().expectStatus().isForbidden().expectBody();
		as("admin").get().uri(PATH, "agency-faku").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.roles").isEqualTo(List.of("COUNTY_AGENCY"));
	}

	private String token(String username) {
		Map<?, ?> answer = anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		return (String) answer.get("accessToken");
	}

	private JsonNode claimsOfNewToken(String username) {
		String payload = token(username).split("\\.")[1];
		return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
