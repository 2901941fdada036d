package cn.talentexchange.secondment;

import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordination office tunes the matcher; the next run scores with the new weights. */
@TestPropertySource(properties = "talent.embedded-mongo.database=secondment-weights")
class SecondmentWeightsApiTest extends ApiTest {

	private static final String PATH = "/api/v1/admin/secondment-weights";

	private static final Map<String, Object> ALL_OFF = Map.of("reciprocity", 0, "otherPairing", 0, "preference", 0,
			"continuity", 0);

	@Test
	void theDefaultsStandUntilACoordinatorChangesThemAndTheNextRunUsesTheChange() throws InterruptedException {
		as("coordinator").get().uri(PATH).exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.weights.otherPairing").isEqualTo(60)
			.jsonPath("$.defaults.reciprocity").isEqualTo(1)
			.jsonPath("$.updatedBy").doesNotExist();
		String before = solvedScore();
		assertThat(before).as("the seeds' run scores something softly by default").doesNotEndWith("/0soft");

		as("coordinator").put().uri(PATH).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", ALL_OFF))
			.exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.weights.continuity").isEqualTo(0)
			.jsonPath("$.defaults.continuity").isEqualTo(30)
			.jsonPath("$.updatedBy").isEqualTo("coordinator");

		assertThat(solvedScore()).endsWith("/0soft");

		as("coordinator").put().uri(PATH).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", ALL_OFF)).exchange().expectStatus().isEqualTo(412).expectBody();
		as("coordinator").put().uri(PATH).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("weights", ALL_OFF)).exchange().expectStatus().isEqualTo(428).expectBody();
	}

	@Test
	void onlyCoordinatorsTuneTheMatcherAndOnlyWithinBounds() {
		for (String user : List.of("hr-city", "agency-faku", "admin", "expert-0001")) {
			as(user).get().uri(PATH).exchange().expectStatus().isForbidden().expectBody();
			as(user).put().uri(PATH).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("weights", ALL_OFF, "version", 0)).exchange().expectStatus().isForbidden().expectBody();
		}
		for (Map<String, Object> weights : List.of(Map.<String, Object>of("reciprocity", -1, "otherPairing", 0, "preference",
				0, "continuity", 0), Map.<String, Object>of("reciprocity", 0, "otherPairing", 100_001, "preference", 0,
						"continuity", 0), Map.<String, Object>of("reciprocity", 0, "otherPairing", 0, "preference", 0))) {
			as("coordinator").put().uri(PATH).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("weights", weights, "version", 0)).exchange().expectStatus().isBadRequest().expectBody();
		}
	}

	private String solvedScore() throws InterruptedException {
		Map<?, ?> run = as("coordinator").post().uri("/api/v1/secondments/plans").exchange().expectStatus().isAccepted()
			.expectBody(Map.class).returnResult().getResponseBody();
		String planId = (String) run.get("id");
		for (int wait = 0; wait < 150 && !"SOLVED".equals(run.get("status")); wait++) {
			Thread.sleep(200);
			run = as("coordinator").get().uri("/api/v1/secondments/plans/" + planId).exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
		}
		assertThat(run.get("status")).isEqualTo("SOLVED");
		return (String) ((Map<?, ?>) run.get("score")).get("text");
	}

}
