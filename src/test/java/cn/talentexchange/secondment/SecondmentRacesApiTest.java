package cn.talentexchange.secondment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Fifty HR clerks pressing at once: a post's positions and a placement's approvals are never given twice. */
@TestPropertySource(properties = "talent.embedded-mongo.database=secondment-races")
class SecondmentRacesApiTest extends ApiTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	private static final int CALLERS = 50;

	@Test
	void fiftyNominationsForTwoFreePositionsPlaceExactlyTwo() throws Exception {
		String post = post(2);
		List<String> candidates = new ArrayList<>();
		for (int index = 0; index < CALLERS; index++) {
			candidates.add(candidate("候选人" + index));
		}

		List<Integer> statuses = concurrently(candidates.stream().<Callable<Integer>>map(candidate -> () ->
				nominate(post, candidate).returnResult(String.class).getStatus().value()).toList());

		assertThat(statuses).filteredOn(status -> status == 201).hasSize(2);
		assertThat(statuses).filteredOn(status -> status != 201).allMatch(status -> status == 409);
		List<Map<String, Object>> placed = placementsOf(post);
		assertThat(placed).extracting(placement -> placement.get("position")).containsExactlyInAnyOrder(0, 1);
	}

	@Test
	void fiftyApprovalsOfOneSideRecordOneAndTheOtherSideStillDecides() throws Exception {
		String post = post(1);
		String placement = (String) nominate(post, candidate("林书航")).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");

		List<Integer> statuses = concurrently(java.util.stream.IntStream.range(0, CALLERS)
			.<Callable<Integer>>mapToObj(index -> () -> approve("hr-city", placement, "HOME")).toList());

		assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn(status -> status != 200).allMatch(status -> status == 409);
		as("coordinator").get().uri("/api/v1/secondments/placements/" + placement).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("NOMINATED").jsonPath("$.approvals.host").isEmpty();
		assertThat(approve("hr-faku", placement, "HOST")).isEqualTo(200);
	}

	@Test
	void oneAccountActingForBothSidesMayNotGiveBothApprovals() {
		String post = post(1);
		String placement = (String) nominate(post, candidate("周立言")).expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");
		Map<?, ?> roles = as("admin").get().uri("/api/v1/admin/users/hr-faku/roles").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		as("admin").put().uri("/api/v1/admin/users/hr-faku/roles").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("roles", List.of("HR_BUREAU"), "organisationIds", List.of("faku", "huanggu"), "version",
					roles.get("version")))
			.exchange().expectStatus().isOk().expectBody();
		WebTestClient bothSides = freshlySignedIn("hr-faku");

		bothSides.post().uri("/api/v1/secondments/placements/" + placement + "/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", "HOME")).exchange().expectStatus().isOk().expectBody();
		bothSides.post().uri("/api/v1/secondments/placements/" + placement + "/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", "HOST")).exchange()
			.expectStatus().isForbidden()
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:forbidden");
		assertThat(approve("hr-city", placement, "HOST")).as("hr-city does not act for faku").isEqualTo(404);
	}

	private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> future : pool.invokeAll(calls)) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String post(int positions) {
		Map<?, ?> created = as("hr-faku").post().uri("/api/v1/secondments/posts").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("hostOrganisationId", "faku-drc", "role", "项目办副主任（挂职）", "requiredSkills",
					List.of(Map.of("skill", "industrial-planning", "minLevel", 3)), "period",
					Map.of("start", TODAY.plusMonths(1).toString(), "end", TODAY.plusMonths(7).toString()), "positions",
					positions, "direction", "CITY_TO_COUNTY"))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("id");
	}

	private String candidate(String name) {
		Map<?, ?> created = as("hr-city").post().uri("/api/v1/secondments/candidates").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "homeOrganisationId", "huanggu-drc", "skills",
					List.of(Map.of("skill", "industrial-planning", "level", 4)), "availability",
					List.of(Map.of("start", TODAY.toString(), "end", TODAY.plusYears(1).toString()))))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		return (String) created.get("id");
	}

	private WebTestClient.ResponseSpec nominate(String post, String candidate) {
		return as("hr-city").post().uri("/api/v1/secondments/placements").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("postId", post, "candidateId", candidate)).exchange();
	}

	private int approve(String hr, String placement, String side) {
		return as(hr).post().uri("/api/v1/secondments/placements/" + placement + "/approve").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("side", side)).exchange().returnResult(String.class).getStatus().value();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> placementsOf(String post) {
		Map<?, ?> page = as("coordinator").get().uri("/api/v1/secondments/placements?postId=" + post + "&size=100").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

	private WebTestClient freshlySignedIn(String username) {
		Map<?, ?> answer = anonymous().post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk().expectBody(Map.class)
			.returnResult().getResponseBody();
		return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + answer.get("accessToken")).build();
	}

}
