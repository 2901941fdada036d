package cn.talentexchange.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

class IdempotencyApiTest extends ApiTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void aClaimLeftByACrashedInstanceDoesNotBlockItsKey() {
		Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
		mongo.insert(new IdempotencyRecord("expert-0031:phone-boot-0001", "whatever", false, 0, null, null, null, null,
				longAgo, longAgo.plus(Duration.ofHours(24)))).block();
		as("expert-0031").post().uri("/api/v1/experts/me/devices").header("Idempotency-Key", "phone-boot-0001")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", "crash-test-token", "platform", "ANDROID"))
			.exchange().expectStatus().isCreated().expectBody();
	}

	@Test
	void aClaimStillRunningAnswersInProgress() {
		Instant now = Instant.now();
		mongo.insert(new IdempotencyRecord("expert-0032:phone-boot-0002", "whatever", false, 0, null, null, null, null,
				now, now.plus(Duration.ofHours(24)))).block();
		as("expert-0032").post().uri("/api/v1/experts/me/devices").header("Idempotency-Key", "phone-boot-0002")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", "busy-test-token", "platform", "IOS"))
			.exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:talent-exchange:problem:request-in-progress");
	}

}
