package cn.talentexchange.web;

import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 400 problem naming what is wrong, and changes nothing. */
class BadInputApiTest extends ApiTest {

	private long expertsBefore;

	@BeforeEach
	void countExperts() {
		expertsBefore = expertCount();
	}

	@AfterEach
	void nothingWasCreated() {
		assertThat(expertCount()).isEqualTo(expertsBefore);
	}

	@Test
	void malformedJson() {
		post("{\"username\": \"x\", ").expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:malformed-request");
	}

	@Test
	void wrongTypesNameTheField() {
		post("{\"username\": \"typed\", \"maxTravelMinutes\": \"far\"}").expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:validation-failed")
			.jsonPath("$.errors[0].field").isEqualTo("maxTravelMinutes");
	}

	@Test
	void missingFieldsAreAllNamed() {
		post("{\"username\": \"incomplete\"}").expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:validation-failed")
			.jsonPath("$.errors[?(@.field == 'displayName')]").exists()
			.jsonPath("$.errors[?(@.field == 'skills')]").exists()
			.jsonPath("$.errors[?(@.field == 'homeLocation')]").exists();
	}

	@Test
	void unknownFieldsAreRefused() {
		post("{\"username\": \"typo\", \"maxTravelMinuets\": 60}").expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("maxTravelMinuets");
	}

	@Test
	void oversizedBodies() {
		String huge = "{\"username\": \"" + "x".repeat(300 * 1024) + "\"}";
		post(huge).expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:request-too-large");
	}

	@Test
	void anEmptyBody() {
		as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:malformed-request");
	}

	@Test
	void aWrongQueryParameterType() {
		as("coordinator").get().uri("/api/v1/experts?minLevel=high&skill=x").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("minLevel");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String json) {
		return as("coordinator").post().uri("/api/v1/experts").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType("application/problem+json");
	}

	private long expertCount() {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/experts?size=1").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return ((Number) page.get("total")).longValue();
	}

}
