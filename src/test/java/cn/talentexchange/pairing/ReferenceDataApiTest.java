package cn.talentexchange.pairing;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

class ReferenceDataApiTest extends ApiTest {

	@Test
	void listsTheFourCountiesOfTheSourceDocument() {
		as("expert-0001").get().uri("/api/v1/counties").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(4)
			.jsonPath("$.items[*].id").value(containsInAnyOrder("liaozhong", "xinmin", "faku", "kangping"));
	}

	@Test
	void eachCountyHasOnePairingOfAParkAndADistrict() {
		as("coordinator").get().uri("/api/v1/pairings?countyId=faku").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.total").isEqualTo(1)
			.jsonPath("$.items[0].parkId").isNotEmpty()
			.jsonPath("$.items[0].districtId").isNotEmpty();
		as("coordinator").get().uri("/api/v1/districts").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(4);
		as("coordinator").get().uri("/api/v1/parks").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(4);
	}

	@Test
	void pagesTheSkillTaxonomyAndCapsThePageSize() {
		as("agency-faku").get().uri("/api/v1/skills?page=0&size=1000").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.size").isEqualTo(100)
			.jsonPath("$.total").value(greaterThanOrEqualTo(40));
		as("agency-faku").get().uri("/api/v1/skills?category=ENCLAVE&size=5&page=1").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.page").isEqualTo(1)
			.jsonPath("$.items[0].category").isEqualTo("ENCLAVE");
		as("agency-faku").get().uri("/api/v1/skill-categories").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.total").isEqualTo(4);
	}

	@Test
	void anUnknownIdIsANotFoundProblem() {
		as("coordinator").get().uri("/api/v1/counties/atlantis").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:not-found")
			.jsonPath("$.status").isEqualTo(404);
	}

	@Test
	void withoutATokenNothingIsShown() {
		anonymous().get().uri("/api/v1/counties").exchange()
			.expectStatus().isUnauthorized()
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:unauthenticated");
	}

	@Test
	void aNegativePageIsAValidationProblem() {
		as("coordinator").get().uri("/api/v1/counties?page=-1").exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("page");
	}

}
