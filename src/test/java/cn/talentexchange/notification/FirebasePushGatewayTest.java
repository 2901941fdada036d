package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.google.firebase.FirebaseApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Firebase Admin SDK against the local fake FCM endpoint: the JSON it sends and the errors it maps. */
class FirebasePushGatewayTest {

	static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	static FakeFcm fcm;

	static FirebaseApp app;

	static FirebasePushGateway gateway;

	@BeforeAll
	static void start() throws Exception {
		fcm = new FakeFcm(8);
		app = fcm.firebaseApp();
		gateway = new FirebasePushGateway(app, Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
	}

	@AfterAll
	static void stop() {
		app.delete();
		fcm.close();
	}

	@BeforeEach
	void reset() {
		fcm.reset();
	}

	@Test
	void anOfferTravelsWithIdsTitleAndBodyOnlyAtHighPriorityUntilItsDeadline() {
		Instant deadline = NOW.plus(Duration.ofHours(48));
		PushGateway.Message offer = new PushGateway.Message("n-1:expert-0001", "token-a", NotificationKind.OFFER,
				"New weekend offer", "Faku, 2026-12-05: Water supply. Please answer by 2026-12-03 10:00.", "plan-req-0-0",
				"req-faku-001", deadline);

		List<PushGateway.Outcome> outcomes = gateway.send(List.of(offer)).block();

		assertThat(outcomes).containsExactly(PushGateway.Outcome.DELIVERED);
		assertThat(fcm.received()).hasSize(1);
		FakeFcm.Received received = fcm.received().get(0);
		assertThat(received.authorization()).isEqualTo("Bearer fake-access-token");
		JsonNode message = received.message();
		assertThat(message.path("token").asString()).isEqualTo("token-a");
		assertThat(message.path("notification").path("title").asString()).isEqualTo("New weekend offer");
		assertThat(message.path("data").path("notificationId").asString()).isEqualTo("n-1:expert-0001");
		assertThat(message.path("data").path("kind").asString()).isEqualTo("OFFER");
		assertThat(message.path("data").path("subjectId").asString()).isEqualTo("plan-req-0-0");
		assertThat(message.path("data").path("requestId").asString()).isEqualTo("req-faku-001");
		assertThat(message.path("data").propertyNames()).containsExactlyInAnyOrder("notificationId", "kind", "subjectId",
				"requestId");
		JsonNode android = message.path("android");
		assertThat(android.path("priority").asString()).isEqualTo("high");
		assertThat(android.path("ttl").asString()).isEqualTo("172800s");
		assertThat(android.path("collapse_key").asString()).isEqualTo("plan-req-0-0");
		assertThat(android.path("notification").path("tag").asString()).isEqualTo("plan-req-0-0");
		JsonNode apns = message.path("apns").path("headers");
		assertThat(apns.path("apns-priority").asString()).isEqualTo("10");
		assertThat(apns.path("apns-collapse-id").asString()).isEqualTo("plan-req-0-0");
		assertThat(apns.path("apns-expiration").asString()).isEqualTo(Long.toString(deadline.getEpochSecond()));
	}

	@Test
	void aTimeToLiveBeyondFcmsLimitIsCappedAtTwentyEightDays() {
		gateway.send(List.of(new PushGateway.Message("n-3", "token-c", NotificationKind.CHANGE, "title", "body", "subject",
				null, NOW.plus(Duration.ofDays(60))))).block();

		JsonNode message = fcm.received().get(0).message();
		assertThat(message.path("android").path("ttl").asString()).isEqualTo("2419200s");
		assertThat(message.path("apns").path("headers").path("apns-expiration").asString())
			.isEqualTo(Long.toString(NOW.plus(Duration.ofDays(28)).getEpochSecond()));
	}

	@Test
	void aReminderGoesAtNormalPriority() {
		gateway.send(List.of(message("n-2", "token-b", NotificationKind.REMINDER))).block();

		JsonNode message = fcm.received().get(0).message();
		assertThat(message.path("android").path("priority").asString()).isEqualTo("normal");
		assertThat(message.path("apns").path("headers").path("apns-priority").asString()).isEqualTo("5");
	}

	@Test
	void eachErrorMapsToWhatTheDispatcherDoesNext() {
		fcm.answer(received -> switch (received.token()) {
			case "gone" -> FakeFcm.Reply.unregistered();
			case "invalid" -> FakeFcm.Reply.invalidToken();
			case "quota" -> FakeFcm.Reply.quotaExceeded(120);
			case "internal" -> FakeFcm.Reply.internal();
			case "bad-message" -> FakeFcm.Reply.badMessage();
			default -> FakeFcm.Reply.ok();
		});

		List<PushGateway.Outcome> outcomes = gateway.send(List.of(message("a", "gone", NotificationKind.OFFER),
				message("b", "invalid", NotificationKind.OFFER), message("c", "quota", NotificationKind.OFFER),
				message("d", "internal", NotificationKind.OFFER), message("e", "fine", NotificationKind.OFFER),
				message("f", "bad-message", NotificationKind.OFFER)))
			.block();

		// An invalid token forgets the device; an invalid message does not: the device did nothing wrong.
		assertThat(outcomes).extracting(PushGateway.Outcome::result)
			.containsExactly(PushGateway.Result.DEVICE_GONE, PushGateway.Result.DEVICE_GONE, PushGateway.Result.RETRY,
					PushGateway.Result.RETRY, PushGateway.Result.DELIVERED, PushGateway.Result.REJECTED);
		assertThat(outcomes.get(0).error()).startsWith("UNREGISTERED");
		assertThat(outcomes.get(2).error()).startsWith("QUOTA_EXCEEDED");
		assertThat(outcomes.get(2).retryAfter()).isEqualTo(Duration.ofSeconds(120));
		assertThat(outcomes.get(3).error()).startsWith("INTERNAL");
		assertThat(outcomes.get(3).retryAfter()).isNull();
	}

	@Test
	void aPassing503IsRetriedByTheSdkAndAPersistentOneComesBackAsRetry() {
		fcm.answer(received -> received.token().equals("down") || received.attempt() == 1 ? FakeFcm.Reply.unavailable()
				: FakeFcm.Reply.ok());

		List<PushGateway.Outcome> outcomes = gateway.send(List.of(message("f", "flaky", NotificationKind.OFFER),
				message("g", "down", NotificationKind.OFFER))).block();

		assertThat(outcomes.get(0)).isEqualTo(PushGateway.Outcome.DELIVERED);
		assertThat(fcm.attempts("f", "flaky")).isEqualTo(2);
		assertThat(outcomes.get(1).result()).isEqualTo(PushGateway.Result.RETRY);
		assertThat(outcomes.get(1).error()).startsWith("UNAVAILABLE");
		// The SDK tries a 503 five times in all (four retries) before it gives up.
		assertThat(fcm.attempts("g", "down")).isEqualTo(5);
	}

	private static PushGateway.Message message(String id, String token, NotificationKind kind) {
		return new PushGateway.Message(id, token, kind, "title", "body", "subject-" + id, null, null);
	}

}
