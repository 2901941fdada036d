package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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

	private final NotificationMeters meters;

	NotificationDispatcher(ReactiveMongoTemplate mongo, PushGateway gateway, Experts experts,
			NotificationSettings settings, NotificationMeters meters, Clock clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.gateway = gateway;
		this.experts = experts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Sends until nothing is due; returns how many notifications reached an end state. */
	public Mono<Long> dispatch() {
		return Flux.range(0, settings.workers())
			// A worker whose claim another one beat goes on while anything was due; it stops when nothing is.
			.flatMap(worker -> Mono.defer(this::round).repeat().takeWhile(round -> round.due() > 0))
			.map(Round::finished)
			.reduce(0L, Long::sum);
	}

	/** One batch: claim, send, record. */
	Mono<Round> round() {
		Instant now = clock.instant();
		String claim = UUID.randomUUID().toString();
		return claim(claim, now).flatMap(claimed -> claimed.claimed().isEmpty() ? Mono.just(new Round(claimed.due(), 0, 0))
				: devices(claimed.claimed(), now)
					.flatMap(devices -> deliver(claim, claimed.claimed(), devices, now))
					.map(round -> new Round(claimed.due(), round.claimed(), round.finished())));
	}

	/**
	 * Claims up to a batch of due notifications: one conditional update over their ids that still requires each
	 * to be due, so of two instances that picked the same ones, each notification goes to exactly one. The claim
	 * is tested on a date that is always there, never on a missing field: under concurrent writes the embedded
	 * server can match a "field is null" filter on a document another writer has just changed.
	 */
	private Mono<Claimed> claim(String claim, Instant now) {
		Criteria due = Criteria.where("delivery.state").is(DeliveryState.PENDING)
			.and("delivery.nextAttemptAt").lte(now)
			.and("delivery.claimedUntil").lt(now);
		Query candidates = Query.query(due).limit(settings.batchSize());
		candidates.fields().include("_id");
		return mongo.find(candidates, Notification.class)
			.map(Notification::id)
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(new Claimed(0, List.of()))
					: mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)).addCriteria(due),
							new Update().set("delivery.claimedBy", claim).set("delivery.claimedUntil", now.plus(settings.claimFor())),
							Notification.class)
						.then(mongo.find(Query.query(Criteria.where("delivery.claimedBy").is(claim)), Notification.class).collectList())
						.map(claimed -> new Claimed(ids.size(), claimed)));
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
		return superseded(claimed).flatMap(replaced -> {
			List<PushGateway.Message> messages = new ArrayList<>();
			List<String> owners = new ArrayList<>();
			for (Notification notification : claimed) {
				if (replaced.contains(notification.id())
						|| notification.expiresAt() != null && !notification.expiresAt().isAfter(now)) {
					continue;
				}
				for (String token : devices.get(notification.id())) {
					messages.add(new PushGateway.Message(notification.noticeId(), token, notification.kind(),
							notification.title(), notification.body(), notification.subjectId(), notification.requestId(),
							notification.expiresAt()));
					owners.add(notification.id());
				}
			}
			// A hung channel must not outlive the claim: what has not come back by then is tried again later.
			Duration patience = settings.claimFor().dividedBy(2);
			Mono<List<PushGateway.Outcome>> sent = messages.isEmpty() ? Mono.just(List.of())
					: gateway.send(messages)
						.timeout(patience)
						.onErrorResume(failure -> Mono.just(Collections.nCopies(messages.size(),
								PushGateway.Outcome.retry(null, "no answer within " + patience + ": " + failure))));
			return sent.flatMap(outcomes -> record(claim, claimed, replaced, messages, owners, outcomes, now));
		});
	}

	/**
	 * The claimed notifications a newer one about the same subject, for the same person, makes pointless: the
	 * phone would show an offer for a visit since cancelled, since both share one collapse key.
	 */
	private Mono<Set<String>> superseded(List<Notification> claimed) {
		Set<String> subjects = new HashSet<>();
		Set<String> recipients = new HashSet<>();
		claimed.forEach(notification -> {
			subjects.add(notification.subjectId());
			recipients.add(notification.recipient());
		});
		Query related = Query.query(Criteria.where("subjectId").in(subjects).and("recipient").in(recipients));
		related.fields().include("_id", "subjectId", "recipient", "createdAt");
		return mongo.find(related, Notification.class).collectList().map(all -> {
			Set<String> replaced = new HashSet<>();
			for (Notification notification : claimed) {
				boolean newer = all.stream().anyMatch(other -> other.subjectId().equals(notification.subjectId())
						&& other.recipient().equals(notification.recipient())
						&& other.createdAt().isAfter(notification.createdAt()));
				if (newer) {
					replaced.add(notification.id());
				}
			}
			return replaced;
		});
	}

	private Mono<Round> record(String claim, List<Notification> claimed, Set<String> replaced,
			List<PushGateway.Message> messages, List<String> owners, List<PushGateway.Outcome> outcomes, Instant now) {
		Map<String, List<Integer>> messageIndexes = new HashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			messageIndexes.computeIfAbsent(owners.get(i), id -> new ArrayList<>()).add(i);
		}
		Set<String> goneTokens = new HashSet<>();
		ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Notification.class);
		List<DeliveryState> ended = new ArrayList<>();
		int retrying = 0;
		Instant end = clock.instant();
		for (Notification notification : claimed) {
			Query stillOurs = Query.query(Criteria.where("_id").is(notification.id()).and("delivery.claimedBy").is(claim));
			Notification.Delivery before = notification.delivery();
			List<Integer> indexes = messageIndexes.get(notification.id());
			if (indexes == null) {
				boolean expired = notification.expiresAt() != null && !notification.expiresAt().isAfter(now);
				DeliveryState state = replaced.contains(notification.id()) ? DeliveryState.SUPERSEDED
						: expired ? DeliveryState.EXPIRED
						: before.devicesReached() > 0 ? DeliveryState.SENT : DeliveryState.INBOX_ONLY;
				bulk.updateOne(stillOurs, finish(state, before, before.devicesReached(), end));
				ended.add(state);
				continue;
			}
			int reached = before.devicesReached();
			boolean refused = false;
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
					case REJECTED -> {
						refused = true;
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
				DeliveryState state = reached > 0 ? DeliveryState.SENT : refused ? DeliveryState.FAILED : DeliveryState.INBOX_ONLY;
				bulk.updateOne(stillOurs, finish(state, before, reached, end).set("delivery.lastError", lastError));
				ended.add(state);
			}
			else {
				retrying++;
				int attempts = before.attempts() + 1;
				bulk.updateOne(stillOurs, new Update().set("delivery.attempts", attempts)
					.set("delivery.nextAttemptAt", end.plus(backoff(attempts, wait)))
					.set("delivery.tokensLeft", retry)
					.set("delivery.devicesReached", reached)
					.set("delivery.lastError", lastError)
					.set("delivery.claimedBy", null)
					.set("delivery.claimedUntil", Notification.Delivery.UNCLAIMED));
			}
		}
		Mono<Void> forget = goneTokens.isEmpty() ? Mono.empty() : experts.forgetDevices(goneTokens);
		int retries = retrying;
		// Counted once written. A claim that lapsed mid-send (minutes late) lets another worker send and count
		// the same notification too; the counts then show the duplicate the lapse caused.
		return bulk.execute().doOnSuccess(written -> {
			ended.forEach(meters::ended);
			meters.retried(retries);
		}).then(forget).thenReturn(new Round(claimed.size(), claimed.size(), ended.size()));
	}

	private Update finish(DeliveryState state, Notification.Delivery before, int reached, Instant end) {
		return new Update().set("delivery.state", state)
			.set("delivery.attempts", before.attempts() + 1)
			.set("delivery.devicesReached", reached)
			.set("delivery.tokensLeft", List.of())
			.set("delivery.channel", state == DeliveryState.SENT ? gateway.channel() : null)
			.set("delivery.finishedAt", end)
			.set("delivery.claimedUntil", Notification.Delivery.UNCLAIMED);
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

	/** How many notifications were due when a round looked, how many it claimed, and how many of those it finished. */
	record Round(int due, int claimed, int finished) {
	}

	private record Claimed(int due, List<Notification> claimed) {
	}

}
