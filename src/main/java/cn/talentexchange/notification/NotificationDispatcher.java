package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.talentexchange.expert.Experts;
import cn.talentexchange.notification.Notification.DeliveryState;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends due notifications to the phones. A round claims a batch (each notification is claimed by one
 * conditional update, so two instances never hold the same one), sends one message per device, and records
 * every outcome in one bulk write whose filter still requires the claim. Failed devices are tried again with
 * exponential backoff (at least what Retry-After asked), gone devices are forgotten, and a claim that a
 * crashed instance never recorded lapses, so the notification is sent again: at most once more, and the
 * phone drops it by its id.
 */
@Component
public class NotificationDispatcher {

	private final ReactiveMongoTemplate mongo;

	private final PushGateway gateway;

	private final Experts experts;

	private final NotificationSettings settings;

	private final Clock clock;

	NotificationDispatcher(ReactiveMongoTemplate mongo, PushGateway gateway, Experts experts,
			NotificationSettings settings, Clock clock) {
		this.mongo = mongo;
		this.gateway = gateway;
		this.experts = experts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Sends until nothing is due; returns how many notifications reached an end state. */
	public Mono<Long> dispatch() {
		return Flux.range(0, settings.workers())
			.flatMap(worker -> Mono.defer(this::round).repeat().takeWhile(claimed -> claimed.claimed() > 0))
			.map(Round::finished)
			.reduce(0L, Long::sum);
	}

	/** One batch: claim, send, record. */
	Mono<Round> round() {
		Instant now = clock.instant();
		String claim = UUID.randomUUID().toString();
		return claim(claim, now).flatMap(claimed -> claimed.isEmpty() ? Mono.just(new Round(0, 0))
				: devices(claimed, now).flatMap(devices -> deliver(claim, claimed, devices, now)));
	}

	private Mono<List<Notification>> claim(String claim, Instant now) {
		Criteria due = Criteria.where("delivery.state").is(DeliveryState.PENDING)
			.and("delivery.nextAttemptAt").lte(now)
			.orOperator(Criteria.where("delivery.claimedUntil").is(null), Criteria.where("delivery.claimedUntil").lt(now));
		Query candidates = Query.query(due).limit(settings.batchSize());
		candidates.fields().include("_id");
		return mongo.find(candidates, Notification.class)
			.map(Notification::id)
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(List.<Notification>of())
					: mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)).addCriteria(due),
							new Update().set("delivery.claimedBy", claim).set("delivery.claimedUntil", now.plus(settings.claimFor())),
							Notification.class)
						.then(mongo.find(Query.query(Criteria.where("delivery.claimedBy").is(claim)), Notification.class).collectList()));
	}

	/** The devices still to reach for each claimed notification: looked up at the first attempt, then kept. */
	private Mono<Map<String, List<String>>> devices(List<Notification> claimed, Instant now) {
		Set<String> firstTime = new HashSet<>();
		Map<String, List<String>> byNotification = new HashMap<>();
		for (Notification notification : claimed) {
			if (notification.delivery().tokensLeft() == null) {
				firstTime.add(notification.recipient());
			}
			else {
				byNotification.put(notification.id(), notification.delivery().tokensLeft());
			}
		}
		if (firstTime.isEmpty()) {
			return Mono.just(byNotification);
		}
		Instant seenSince = now.minus(settings.staleDeviceAfter());
		return experts.withUsernames(firstTime)
			.collectMap(expert -> expert.username(), expert -> expert.devices().stream()
				.filter(device -> device.lastSeenAt() != null && device.lastSeenAt().isAfter(seenSince))
				.map(device -> device.token())
				.distinct()
				.toList())
			.map(tokensByUser -> {
				for (Notification notification : claimed) {
					if (notification.delivery().tokensLeft() == null) {
						byNotification.put(notification.id(), tokensByUser.getOrDefault(notification.recipient(), List.of()));
					}
				}
				return byNotification;
			});
	}

	private Mono<Round> deliver(String claim, List<Notification> claimed, Map<String, List<String>> devices, Instant now) {
		List<PushGateway.Message> messages = new ArrayList<>();
		List<Notification> sending = new ArrayList<>();
		for (Notification notification : claimed) {
			if (notification.expiresAt() != null && !notification.expiresAt().isAfter(now)) {
				continue;
			}
			for (String token : devices.get(notification.id())) {
				messages.add(new PushGateway.Message(notification.id(), token, notification.kind(), notification.title(),
						notification.body(), notification.subjectId(), notification.requestId(), notification.expiresAt()));
			}
			sending.add(notification);
		}
		Mono<List<PushGateway.Outcome>> sent = messages.isEmpty() ? Mono.just(List.of()) : gateway.send(messages);
		return sent.flatMap(outcomes -> record(claim, claimed, devices, messages, outcomes, now));
	}

	private Mono<Round> record(String claim, List<Notification> claimed, Map<String, List<String>> devices,
			List<PushGateway.Message> messages, List<PushGateway.Outcome> outcomes, Instant now) {
		Map<String, List<Integer>> messageIndexes = new HashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			messageIndexes.computeIfAbsent(messages.get(i).notificationId(), id -> new ArrayList<>()).add(i);
		}
		Set<String> goneTokens = new HashSet<>();
		ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Notification.class);
		int finished = 0;
		Instant end = clock.instant();
		for (Notification notification : claimed) {
			Query stillOurs = Query.query(Criteria.where("_id").is(notification.id()).and("delivery.claimedBy").is(claim));
			Notification.Delivery before = notification.delivery();
			List<Integer> indexes = messageIndexes.get(notification.id());
			if (indexes == null) {
				boolean expired = notification.expiresAt() != null && !notification.expiresAt().isAfter(now);
				bulk.updateOne(stillOurs, finish(expired ? DeliveryState.EXPIRED
						: before.devicesReached() > 0 ? DeliveryState.SENT : DeliveryState.INBOX_ONLY, before, before.devicesReached(), end));
				finished++;
				continue;
			}
			int reached = before.devicesReached();
			List<String> retry = new ArrayList<>();
			Duration wait = null;
			String lastError = null;
			for (int index : indexes) {
				PushGateway.Outcome outcome = outcomes.get(index);
				String token = messages.get(index).deviceToken();
				switch (outcome.result()) {
					case DELIVERED -> reached++;
					case DEVICE_GONE -> {
						goneTokens.add(token);
						lastError = outcome.error();
					}
					case RETRY -> {
						retry.add(token);
						lastError = outcome.error();
						if (outcome.retryAfter() != null && (wait == null || outcome.retryAfter().compareTo(wait) > 0)) {
							wait = outcome.retryAfter();
						}
					}
				}
			}
			if (retry.isEmpty()) {
				bulk.updateOne(stillOurs, finish(reached > 0 ? DeliveryState.SENT : DeliveryState.INBOX_ONLY, before, reached, end)
					.set("delivery.lastError", lastError));
				finished++;
			}
			else {
				int attempts = before.attempts() + 1;
				bulk.updateOne(stillOurs, new Update().set("delivery.attempts", attempts)
					.set("delivery.nextAttemptAt", end.plus(backoff(attempts, wait)))
					.set("delivery.tokensLeft", retry)
					.set("delivery.devicesReached", reached)
					.set("delivery.lastError", lastError)
					.set("delivery.claimedBy", null)
					.set("delivery.claimedUntil", null));
			}
		}
		Mono<Void> forget = goneTokens.isEmpty() ? Mono.empty() : experts.forgetDevices(goneTokens);
		int done = finished;
		return bulk.execute().then(forget).thenReturn(new Round(claimed.size(), done));
	}

	private Update finish(DeliveryState state, Notification.Delivery before, int reached, Instant end) {
		return new Update().set("delivery.state", state)
			.set("delivery.attempts", before.attempts() + 1)
			.set("delivery.devicesReached", reached)
			.set("delivery.tokensLeft", List.of())
			.set("delivery.channel", state == DeliveryState.SENT ? gateway.channel() : null)
			.set("delivery.finishedAt", end)
			.set("delivery.claimedUntil", null);
	}

	/** Doubles from the first wait up to the longest, never shorter than the channel asked, with a little jitter. */
	Duration backoff(int attempts, Duration retryAfter) {
		long first = settings.firstRetry().toMillis();
		long exponential = first << Math.min(attempts - 1, 20);
		long capped = Math.min(exponential, settings.longestRetry().toMillis());
		long jittered = capped + ThreadLocalRandom.current().nextLong(Math.max(1, capped / 5));
		long asked = retryAfter == null ? 0 : retryAfter.toMillis();
		return Duration.ofMillis(Math.max(jittered, asked));
	}

	/** How many notifications a round claimed and how many of them reached an end state. */
	record Round(int claimed, int finished) {
	}

}
