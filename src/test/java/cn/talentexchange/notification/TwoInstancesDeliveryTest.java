package cn.talentexchange.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import cn.talentexchange.support.SecondInstance;
import com.google.firebase.FirebaseApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances on one embedded database relay and dispatch at the same time. */
@TestPropertySource(properties = { "talent.embedded-mongo.database=pair", "talent.notifications.scheduled=false",
		"talent.notifications.batch-size=25" })
class TwoInstancesDeliveryTest extends ApiTest {

	static final FakeFcm FCM = start();

	static ConfigurableApplicationContext second;

	@Autowired
	ApplicationContext first;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@TestConfiguration(proxyBeanMethods = false)
	static class FakeFcmApp {

		@Bean(destroyMethod = "delete")
		FirebaseApp firebaseApp() {
			return FCM.firebaseApp();
		}

	}

	static FakeFcm start() {
		try {
			return new FakeFcm(16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		FCM.close();
	}

	@Test
	void eachNoticeIsRelayedOnceAndEachDueNotificationSentOnce() {
		for (int expert = 10; expert < 30; expert++) {
			as("expert-00" + expert).post().uri("/api/v1/experts/me/devices").contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("token", "pair-token-" + expert, "platform", "ANDROID")).exchange()
				.expectStatus().is2xxSuccessful().expectBody();
		}
		second = SecondInstance.start(first, "pair", List.of(FakeFcmApp.class), "talent.notifications.scheduled=false",
				"talent.notifications.batch-size=25");
		Outbox outboxA = first.getBean(Outbox.class);
		Outbox outboxB = second.getBean(Outbox.class);
		NotificationDispatcher dispatcherA = first.getBean(NotificationDispatcher.class);
		NotificationDispatcher dispatcherB = second.getBean(NotificationDispatcher.class);

		// 400 notices in the outboxes of 400 documents, as transitions leave them.
		Instant now = clock.instant();
		List<org.bson.Document> owners = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			Notice notice = Notice.of(NotificationKind.REMINDER, Audience.expert("ex-00" + (10 + i % 20)), "subject-" + i,
					"req-faku-001", Map.of("date", "2026-12-05", "county", "faku", "skill", "industrial-planning"),
					now.plus(Duration.ofDays(10)), now);
			org.bson.Document owner = new org.bson.Document("_id", "pair-" + i);
			owner.put(Outbox.FIELD, List.of(mongo.getConverter().convertToMongoType(notice)));
			owners.add(owner);
		}
		mongo.insert(owners, "assignments").blockLast();

		List<Long> relayed = Mono.zip(outboxA.relay().subscribeOn(Schedulers.parallel()),
				outboxB.relay().subscribeOn(Schedulers.parallel()), (a, b) -> List.of(a, b)).block();
		// Both may copy the same notice at the same moment; the fixed ids keep one inbox entry.
		assertThat(relayed.get(0) + relayed.get(1)).isGreaterThanOrEqualTo(400);
		assertThat(outboxA.relay().block()).isZero();
		assertThat(mongo.count(Query.query(Criteria.where("subjectId").regex("^subject-")), Notification.class).block())
			.isEqualTo(400);

		List<Long> finished = Mono.zip(dispatcherA.dispatch().subscribeOn(Schedulers.parallel()),
				dispatcherB.dispatch().subscribeOn(Schedulers.parallel()), (a, b) -> List.of(a, b)).block();

		assertThat(finished.get(0) + finished.get(1)).isEqualTo(400);
		List<FakeFcm.Received> received = FCM.received();
		assertThat(received).hasSize(400);
		assertThat(received).allMatch(message -> message.attempt() == 1);
		assertThat(mongo.count(Query.query(Criteria.where("subjectId").regex("^subject-")
			.and("delivery.state").is(Notification.DeliveryState.SENT)), Notification.class).block()).isEqualTo(400);
	}

}
