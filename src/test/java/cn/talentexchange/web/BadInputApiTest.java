package cn.talentexchange.web;

import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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

	@Test
	void textWithNulOrALoneSurrogateIsRefusedAndNamed() {
		post("{\"username\": \"nul\", \"displayName\": \"a\\u0000b\"}").expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("displayName")
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("control character"));
		post("{\"username\": \"half\", \"displayName\": \"a\\ud800b\"}").expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("displayName")
			.jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("surrogate"));
		as("coordinator").get().uri("/api/v1/experts?q={q}", "a\u0000b").exchange()
			.expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
	}

	@Test
	void numbersAreNeitherTextNorEnumValues() {
		post("{\"username\": 42}").expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
		as("agency-faku").post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"category\": 1}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("category");
	}

	@Test
	void datesFarOutsideTheProgrammeAreRefusedWhereverTheyCome() {
		for (String date : new String[] { "+999999999-12-31", "-999999999-01-01", "1899-12-31", "2200-01-01" }) {
			as("coordinator").get().uri("/api/v1/reports/dispatch?from={from}", date).exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentType("application/problem+json")
				.expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
		}
		as("coordinator").post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"from\": \"+999999999-12-25\", \"to\": \"+999999999-12-31\"}")
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
	}

	@Test
	void aPagePastWhatTheDatabaseCanSkipIsEmpty() {
		as("coordinator").get().uri("/api/v1/requests?page=2147483647&size=100").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.items.length()").isEqualTo(0);
	}

	@Test
	void anOversizeUriOrHeaderIsAProblemDocumentNotABareRefusal() {
		// Not through the contract check: these refusals come before any operation is known.
		WebTestClient raw = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
		raw.get().uri("/api/v1/experts?q=" + "x".repeat(10_000)).exchange()
			.expectStatus().isEqualTo(414)
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:uri-too-long");
		raw.get().uri("/api/v1/experts").header("X-Padding", "y".repeat(20_000)).exchange()
			.expectStatus().isEqualTo(431)
			.expectHeader().contentType("application/problem+json")
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:headers-too-large");
	}

	private WebTestClient.ResponseSpec post(String json) {
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
