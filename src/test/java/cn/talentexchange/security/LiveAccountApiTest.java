package cn.talentexchange.security;

import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A token says who; what they may do is the account as it stands at each request. */
@TestPropertySource(properties = "talent.embedded-mongo.database=live-accounts")
class LiveAccountApiTest extends ApiTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void aRoleAnAdminRemovesIsGoneOnTheNextRequestWithTheSameToken() {
		WebTestClient agency = signedIn("agency-xinmin");
		agency.get().uri("/api/v1/requests").exchange().expectStatus().isOk().expectBody();
		Map<?, ?> roles = as("admin").get().uri("/api/v1/admin/users/agency-xinmin/roles").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

		as("admin").put().uri("/api/v1/admin/users/agency-xinmin/roles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("HR_BUREAU"), "organisationIds", List.of("xinmin"), "version",
					roles.get("version")))
			.exchange().expectStatus().isOk().expectBody();

		agency.get().uri("/api/v1/requests").exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void aDisabledAccountIsRefusedOnTheNextRequestWithTheSameToken() {
		WebTestClient agency = signedIn("agency-liaozhong");
		agency.get().uri("/api/v1/requests").exchange().expectStatus().isOk().expectBody();

		mongo.updateFirst(Query.query(Criteria.where("username").is("agency-liaozhong")), new Update().set("enabled", false),
				StaffUser.class).block();

		agency.get().uri("/api/v1/requests").exchange()
			.expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:unauthenticated");
	}

	private WebTestClient signedIn(String username) {
		Map<?, ?> answer = anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody();
		return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + answer.get("accessToken")).build();
	}

}
