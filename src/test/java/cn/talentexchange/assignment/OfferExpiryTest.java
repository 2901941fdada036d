package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OfferExpiryTest extends ApiTest {

	@Autowired
	AssignmentSchedule expiry;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@Test
	void anOfferPastItsDeadlineExpiresOnceAndCanNoLongerBeAccepted() {
		Assignment late = offer("expiry-late", clock.instant().minus(Duration.ofMinutes(1)));
		Assignment open = offer("expiry-open", clock.instant().plus(Duration.ofHours(1)));

		assertThat(expiry.expireDue().block()).isGreaterThanOrEqualTo(1);
		assertThat(expiry.expireDue().block()).isZero();

		Assignment expired = mongo.findById(late.id(), Assignment.class).block();
		assertThat(expired.status()).isEqualTo(AssignmentStatus.EXPIRED);
		assertThat(expired.history()).singleElement()
			.satisfies(entry -> assertThat(entry.reason()).isEqualTo("DEADLINE_PASSED"));
		assertThat(mongo.findById(open.id(), Assignment.class).block().status()).isEqualTo(AssignmentStatus.OFFERED);

		as("expert-0050").post().uri("/api/v1/assignments/" + late.id() + "/accept").exchange()
			.expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.currentStatus").isEqualTo("EXPIRED");
		as("expert-0050").post().uri("/api/v1/assignments/" + open.id() + "/accept").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
	}

	private Assignment offer(String id, java.time.Instant deadline) {
		return mongo.insert(new Assignment(id, "plan-x", "req-faku-001", "faku", 0, 0, "industrial-planning",
				LocalDate.now(clock).plusDays(10), false, "ex-0050", AssignmentStatus.OFFERED, deadline, null, List.of(),
				null, 0, clock.instant(), clock.instant(), null, null)).block();
	}

}
