package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cn.talentexchange.notification.Notification.DeliveryState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How notifications flow: queued into inboxes, ended by state (sent, inbox only, failed, expired, superseded),
 * retried; and what waits: the oldest pending push and each outbox's backlog. The waiting figures are counted
 * every {@code talent.notifications.backlog-every}, because a gauge must answer without a database call.
 */
@Component
class NotificationMeters {

	private static final Logger log = LoggerFactory.getLogger(NotificationMeters.class);

	private final Counter queued;

	private final Map<DeliveryState, Counter> ended = new EnumMap<>(DeliveryState.class);

	private final Counter retried;

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	private final Map<String, AtomicLong> backlogs = new ConcurrentHashMap<>();

	private final Disposable counting;

	NotificationMeters(MeterRegistry registry, ReactiveMongoTemplate mongo, NotificationSettings settings, Clock clock) {
		this.queued = Counter.builder("talent.notifications.queued")
			.description("Notifications put in an inbox, each to be pushed to its recipient's phones")
			.register(registry);
		this.retried = Counter.builder("talent.notifications.retried")
			.description("Pushes that failed for now and wait for another attempt")
			.register(registry);
		for (DeliveryState state : DeliveryState.values()) {
			if (state != DeliveryState.PENDING) {
				ended.put(state, Counter.builder("talent.notifications.ended")
					.description("Notifications whose push reached an end, by that end")
					.tag("state", state.name())
					.register(registry));
			}
		}
		Gauge.builder("talent.notifications.oldest.pending", oldestPendingSeconds, AtomicLong::get)
			.description("Age of the oldest notification whose push has not ended, 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
		for (String collection : Outbox.SOURCES) {
			AtomicLong backlog = backlogs.computeIfAbsent(collection, name -> new AtomicLong());
			Gauge.builder("talent.outbox.backlog", backlog, AtomicLong::get)
				.description("Documents whose notices wait for the relay")
				.tag("collection", collection)
				.register(registry);
		}
		this.counting = Flux.interval(Duration.ZERO, settings.backlogEvery())
			.onBackpressureDrop()
			.concatMap(tick -> count(mongo, clock.instant()).onErrorResume(failure -> {
				log.debug("Notification backlog not counted this time", failure);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	void queued(int count) {
		queued.increment(count);
	}

	void ended(DeliveryState state) {
		ended.get(state).increment();
	}

	void retried(int count) {
		retried.increment(count);
	}

	private Mono<Void> count(ReactiveMongoTemplate mongo, Instant now) {
		Query oldest = Query.query(Criteria.where("delivery.state").is(DeliveryState.PENDING))
			.with(Sort.by("createdAt"))
			.limit(1);
		oldest.fields().include("createdAt");
		Mono<Void> pending = mongo.find(oldest, Notification.class)
			.next()
			.map(notification -> Math.max(0, Duration.between(notification.createdAt(), now).toSeconds()))
			.defaultIfEmpty(0L)
			.doOnNext(oldestPendingSeconds::set)
			.then();
		Mono<Void> outboxes = Flux.fromIterable(backlogs.entrySet())
			.concatMap(backlog -> mongo.count(Query.query(Criteria.where(Outbox.FIELD + ".0").exists(true)), Document.class,
					backlog.getKey()).doOnNext(backlog.getValue()::set))
			.then();
		return pending.then(outboxes);
	}

	@PreDestroy
	void stop() {
		counting.dispose();
	}

}
