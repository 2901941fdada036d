package cn.talentexchange.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.expert.Device;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.notification.Notification.DeliveryState;
import cn.talentexchange.support.ApiTest;
import com.google.firebase.FirebaseApp;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a notification with the real Firebase Admin SDK against the local fake FCM: written in
 * the outbox by the change that owes it, relayed to the inbox, pushed once per device, retried, forgotten
 * devices, and a crash between sending and recording. The schedule is off: each step is run by hand.
 */
@TestPropertySource(properties = { "talent.embedded-mongo.database=notifications",
		"talent.notifications.scheduled=false", "talent.notifications.claim-for=4s" })
class NotificationDeliveryTest extends ApiTest {

	static final FakeFcm FCM = start();

	/** The filters of the commands on notifications while set: which fields each names. */
	static final Queue<Set<String>> NOTIFICATION_FILTERS = new ConcurrentLinkedQueue<>();

	static final AtomicBoolean RECORD_FILTERS = new AtomicBoolean();

	/** When set, the next send reaches FCM and then never returns: the test kills the round, as a crash would. */
	static final AtomicBoolean CRASH_AFTER_NEXT_SEND = new AtomicBoolean();

	@Autowired
	Outbox outbox;

	@Autowired
	NotificationDispatcher dispatcher;

	@Autowired
	Assignments assignments;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@TestConfiguration
	static class FakeFcmWiring {

		@Bean(destroyMethod = "delete")
		FirebaseApp firebaseApp() {
			return FCM.firebaseApp();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer notificationFilters() {
			return settings -> settings.addCommandListener(new CommandListener() {

				@Override
				public void commandStarted(CommandStartedEvent event) {
					BsonDocument command = event.getCommand();
					if (!RECORD_FILTERS.get() || !"notifications".equals(command.get(event.getCommandName()) instanceof BsonString name
							? name.getValue() : null)) {
						return;
					}
					switch (event.getCommandName()) {
						// Copied now: the command's buffer is released once the listener returns.
						case "find", "count", "delete", "aggregate" -> NOTIFICATION_FILTERS.add(Set.copyOf(command.getDocument(
								"filter", new BsonDocument("scan", new BsonDocument())).keySet()));
						case "update" -> command.getArray("updates").forEach(update -> NOTIFICATION_FILTERS.add(
								Set.copyOf(update.asDocument().getDocument("q").keySet())));
						default -> {
						}
					}
				}

			});
		}

		@Bean
		@Primary
		PushGateway crashableGateway(FirebaseApp app, Clock clock) {
			PushGateway real = new FirebasePushGateway(app, clock);
			return new PushGateway() {

				@Override
				public String channel() {
					return real.channel();
				}

				@Override
				public Mono<List<Outcome>> send(List<Message> messages) {
					return real.send(messages).flatMap(outcomes -> CRASH_AFTER_NEXT_SEND.compareAndSet(true, false)
							? Mono.never() : Mono.just(outcomes));
				}

			};
		}

	}

	static FakeFcm start() {
		try {
			return new FakeFcm(8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void stop() {
		FCM.close();
	}

	@BeforeEach
	void clean() {
		FCM.reset();
		dispatcher.dispatch().block();
		FCM.reset();
	}

	@Test
	void anOfferReachesThePhoneOnceAndTheInboxAndTheAcceptReachesTheCounty() {
		register("expert-0001", "token-0001");
		String offerId = offer("ex-0001", "req-faku-001", 0);

		assertThat(outbox.relay().block()).isEqualTo(1);
		assertThat(outbox.relay().block()).isZero();
		dispatcher.dispatch().block();
		dispatcher.dispatch().block();

		assertThat(FCM.received()).hasSize(1);
		FakeFcm.Received push = FCM.received().get(0);
		assertThat(push.token()).isEqualTo("token-0001");
		assertThat(push.message().path("data").path("subjectId").asString()).isEqualTo(offerId);
		assertThat(push.message().path("android").path("priority").asString()).isEqualTo("high");
		Notification stored = notificationAbout(offerId, "expert-0001");
		assertThat(push.notificationId()).isEqualTo(stored.noticeId());
		assertThat(stored.delivery().state()).isEqualTo(DeliveryState.SENT);
		assertThat(stored.delivery().channel()).isEqualTo("fcm");
		// Seed experts write Chinese unless their profile says otherwise.
		assertThat(stored.title()).isEqualTo("新的周末服务邀请");
		assertThat(stored.body()).contains("法库县").doesNotContain("expert-0001");

		Map<?, ?> inbox = as("expert-0001").get().uri("/api/v1/me/inbox").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(inbox.get("unread")).isEqualTo(1);
		List<?> items = (List<?>) inbox.get("items");
		assertThat(items).hasSize(1);
		assertThat(((Map<?, ?>) items.get(0)).get("delivery")).isEqualTo("SENT");

		as("expert-0001").post().uri("/api/v1/assignments/" + offerId + "/accept").exchange().expectStatus().isOk()
			.expectBody();
		outbox.relay().block();
		dispatcher.dispatch().block();

		Notification toCounty = notificationAbout(offerId, "agency-faku");
		assertThat(toCounty.kind()).isEqualTo(NotificationKind.SEAT_ACCEPTED);
		assertThat(toCounty.delivery().state()).isEqualTo(DeliveryState.INBOX_ONLY);
		assertThat(FCM.received()).hasSize(1);
		as("agency-faku").get().uri("/api/v1/me/inbox?unreadOnly=true").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[0].kind").isEqualTo("SEAT_ACCEPTED");
		as("agency-liaozhong").get().uri("/api/v1/me/inbox").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.items[?(@.subjectId == '" + offerId + "')]").doesNotExist();
	}

	/**
	 * The embedded server serves a filter from an index only when it names exactly the index's fields; any other
	 * filter reads the whole inbox history, which grows every month. So the dispatcher names only unique keys.
	 */
	@Test
	void theDispatcherReachesNotificationsOnlyByTheirUniqueKeys() {
		register("expert-0011", "token-0011");
		AtomicBoolean refusedOnce = new AtomicBoolean();
		FCM.answer(received -> refusedOnce.compareAndSet(false, true) ? FakeFcm.Reply.quotaExceeded(1) : FakeFcm.Reply.ok());
		String offerId = offer("ex-0011", "req-faku-001", 9);
		outbox.relay().block();
		NOTIFICATION_FILTERS.clear();

		RECORD_FILTERS.set(true);
		dispatcher.dispatch().block();
		RECORD_FILTERS.set(false);
		makeDue(notificationAbout(offerId, "expert-0011").id());
		RECORD_FILTERS.set(true);
		dispatcher.dispatch().block();
		RECORD_FILTERS.set(false);

		assertThat(notificationAbout(offerId, "expert-0011").delivery().state()).isEqualTo(DeliveryState.SENT);
		assertThat(FCM.received()).hasSize(2);
		assertThat(NOTIFICATION_FILTERS).isNotEmpty().allSatisfy(fields -> assertThat(fields).isIn(Set.of("_id"),
				Set.of("_id", "delivery.attempts", "delivery.claimedUntil"), Set.of("_id", "delivery.claimedBy")));
	}

	@Test
	void marksReadOnlyTheCallersOwnEntries() {
		register("expert-0002", "token-0002");
		String offerId = offer("ex-0002", "req-faku-001", 1);
		outbox.relay().block();
		String entry = notificationAbout(offerId, "expert-0002").id();

		as("expert-0003").post().uri("/api/v1/me/inbox/" + entry + "/read").exchange().expectStatus().isNotFound()
			.expectBody();
		as("expert-0003").get().uri("/api/v1/me/inbox/" + entry).exchange().expectStatus().isNotFound().expectBody();
		as("expert-0002").get().uri("/api/v1/me/inbox/" + entry).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.subjectId").isEqualTo(offerId)
			.jsonPath("$.readAt").doesNotExist();
		as("expert-0002").get().uri("/api/v1/me/inbox/no-such-entry").exchange().expectStatus().isNotFound()
			.expectBody();
		Map<?, ?> read = as("expert-0002").post().uri("/api/v1/me/inbox/" + entry + "/read").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> again = as("expert-0002").post().uri("/api/v1/me/inbox/" + entry + "/read").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(again.get("readAt")).isEqualTo(read.get("readAt")).isNotNull();
		as("expert-0002").post().uri("/api/v1/me/inbox/read").exchange().expectStatus().isOk().expectBody();
		as("expert-0002").get().uri("/api/v1/me/inbox").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.unread").isEqualTo(0);
		anonymous().get().uri("/api/v1/me/inbox").exchange().expectStatus().isUnauthorized().expectBody();
	}

	@Test
	void aDeviceFcmCallsUnregisteredIsForgotten() {
		register("expert-0004", "gone-0004");
		FCM.answer(received -> received.token().startsWith("gone") ? FakeFcm.Reply.unregistered() : FakeFcm.Reply.ok());
		String offerId = offer("ex-0004", "req-faku-001", 2);

		outbox.relay().block();
		dispatcher.dispatch().block();

		Notification stored = notificationAbout(offerId, "expert-0004");
		assertThat(stored.delivery().state()).isEqualTo(DeliveryState.INBOX_ONLY);
		assertThat(stored.delivery().lastError()).startsWith("UNREGISTERED");
		assertThat(expert("ex-0004").devices()).extracting(Device::token).doesNotContain("gone-0004");
	}

	@Test
	void quotaExceededWaitsAtLeastRetryAfterThenDelivers() {
		register("expert-0005", "token-0005");
		FCM.answer(received -> received.attempt() == 1 ? FakeFcm.Reply.quotaExceeded(600) : FakeFcm.Reply.ok());
		String offerId = offer("ex-0005", "req-faku-001", 3);
		outbox.relay().block();
		Instant before = clock.instant();

		dispatcher.dispatch().block();

		Notification waiting = notificationAbout(offerId, "expert-0005");
		assertThat(waiting.delivery().state()).isEqualTo(DeliveryState.PENDING);
		assertThat(waiting.delivery().attempts()).isEqualTo(1);
		assertThat(waiting.delivery().nextAttemptAt()).isAfterOrEqualTo(before.plus(Duration.ofSeconds(600)));
		assertThat(waiting.delivery().tokensLeft()).containsExactly("token-0005");
		dispatcher.dispatch().block();
		assertThat(FCM.attempts(waiting.noticeId(), "token-0005")).isEqualTo(1);

		makeDue(waiting.id());
		dispatcher.dispatch().block();

		assertThat(notificationAbout(offerId, "expert-0005").delivery().state()).isEqualTo(DeliveryState.SENT);
		assertThat(FCM.attempts(waiting.noticeId(), "token-0005")).isEqualTo(2);
	}

	@Test
	void aRetryGoesOnlyToTheDeviceThatFailed() {
		register("expert-0006", "token-0006-a");
		register("expert-0006", "token-0006-b");
		FCM.answer(received -> received.token().endsWith("-b") && received.attempt() == 1 ? FakeFcm.Reply.internal()
				: FakeFcm.Reply.ok());
		String offerId = offer("ex-0006", "req-faku-001", 4);
		outbox.relay().block();

		dispatcher.dispatch().block();
		String id = notificationAbout(offerId, "expert-0006").id();
		String noticeId = notificationAbout(offerId, "expert-0006").noticeId();
		assertThat(notificationAbout(offerId, "expert-0006").delivery().tokensLeft()).containsExactly("token-0006-b");
		makeDue(id);
		dispatcher.dispatch().block();

		Notification sent = notificationAbout(offerId, "expert-0006");
		assertThat(sent.delivery().state()).isEqualTo(DeliveryState.SENT);
		assertThat(sent.delivery().devicesReached()).isEqualTo(2);
		assertThat(FCM.attempts(noticeId, "token-0006-a")).isEqualTo(1);
		assertThat(FCM.attempts(noticeId, "token-0006-b")).isEqualTo(2);
	}

	@Test
	void aCrashBetweenSendAndRecordResendsOnceAndLosesNothing() throws InterruptedException {
		register("expert-0007", "token-0007");
		String offerId = offer("ex-0007", "req-faku-001", 5);
		outbox.relay().block();
		CRASH_AFTER_NEXT_SEND.set(true);

		// The round is killed after the send and before its outcome is recorded (it would give up only after 2 s).
		assertThat(dispatcher.dispatch().timeout(Duration.ofSeconds(1)).onErrorResume(died -> Mono.just(-1L)).block())
			.isEqualTo(-1L);
		String id = notificationAbout(offerId, "expert-0007").noticeId();
		assertThat(FCM.attempts(id, "token-0007")).isEqualTo(1);
		// The dead instance's claim still holds: nobody sends it meanwhile.
		dispatcher.dispatch().block();
		assertThat(FCM.attempts(id, "token-0007")).isEqualTo(1);

		Thread.sleep(4_200);
		dispatcher.dispatch().block();
		dispatcher.dispatch().block();

		assertThat(FCM.attempts(id, "token-0007")).isEqualTo(2);
		assertThat(notificationAbout(offerId, "expert-0007").delivery().state()).isEqualTo(DeliveryState.SENT);
	}

	@Test
	void anOfferCancelledBeforeItsPushWentOutIsReplacedByTheCancellation() {
		register("expert-0010", "token-0010");
		String offerId = offer("ex-0010", "req-faku-001", 8);
		as("coordinator").post().uri("/api/v1/assignments/" + offerId + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "日程调整")).exchange().expectStatus().isOk().expectBody();
		outbox.relay().block();

		dispatcher.dispatch().block();

		assertThat(FCM.received()).singleElement()
			.satisfies(push -> assertThat(push.message().path("data").path("kind").asString()).isEqualTo("CANCELLATION"));
		List<Notification> both = mongo.find(Query.query(Criteria.where("subjectId").is(offerId)), Notification.class)
			.collectList().block();
		assertThat(both).extracting(notification -> notification.kind() + " " + notification.delivery().state())
			.containsExactlyInAnyOrder("OFFER SUPERSEDED", "CANCELLATION SENT");
	}

	@Test
	void aDeviceNotSeenFor270DaysReceivesNothing() {
		register("expert-0008", "token-0008");
		mongo.updateFirst(Query.query(Criteria.where("_id").is("ex-0008")),
				new Update().set("devices.0.lastSeenAt", clock.instant().minus(Duration.ofDays(271))), Expert.class).block();
		String offerId = offer("ex-0008", "req-faku-001", 6);
		outbox.relay().block();

		dispatcher.dispatch().block();

		assertThat(notificationAbout(offerId, "expert-0008").delivery().state()).isEqualTo(DeliveryState.INBOX_ONLY);
		assertThat(FCM.received()).isEmpty();
	}

	@Test
	void aPushPastItsTimeToLiveIsNotSent() {
		register("expert-0009", "token-0009");
		String offerId = offer("ex-0009", "req-faku-001", 7);
		outbox.relay().block();
		String id = notificationAbout(offerId, "expert-0009").id();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("expiresAt", clock.instant().minusSeconds(1)), Notification.class).block();

		dispatcher.dispatch().block();

		assertThat(notificationAbout(offerId, "expert-0009").delivery().state()).isEqualTo(DeliveryState.EXPIRED);
		assertThat(FCM.received()).isEmpty();
	}

	private void register(String username, String token) {
		as(username).post().uri("/api/v1/experts/me/devices").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("token", token, "platform", "ANDROID")).exchange().expectStatus().is2xxSuccessful()
			.expectBody();
	}

	/** An offer as publishing makes it, for a Saturday three weeks ahead. */
	private String offer(String expertId, String requestId, int position) {
		LocalDate saturday = LocalDate.now(clock).plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		assignments.offer(new Assignments.NewOffer("plan-n", requestId, "faku", 0, position, "industrial-planning", saturday,
				false, expertId, clock.instant().plus(Duration.ofHours(48)))).block();
		return "plan-n-" + requestId + "-0-" + position;
	}

	private Notification notificationAbout(String subjectId, String recipient) {
		return mongo.findOne(Query.query(Criteria.where("subjectId").is(subjectId).and("recipient").is(recipient)),
				Notification.class).block();
	}

	private Expert expert(String id) {
		return mongo.findById(id, Expert.class).block();
	}

	private void makeDue(String notificationId) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(notificationId)),
				new Update().set("delivery.nextAttemptAt", clock.instant().minusSeconds(1)), Notification.class).block();
	}

}
