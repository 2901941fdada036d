package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.talentexchange.database.IdLists;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.notification.Notification.DeliveryState;
import org.bson.Document;

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

	private static final String NOTIFICATIONS = "notifications";

	private final ReactiveMongoTemplate mongo;

	private final PushGateway gateway;

	private final Experts experts;

	private final NotificationSettings settings;

	private final Clock clock;

	private final NotificationMeters meters;

	private final IdLists lists;

	private final NewestNotices newest;

	NotificationDispatcher(ReactiveMongoTemplate mongo, PushGateway gateway, Experts experts, IdLists lists,
			NewestNotices newest, NotificationSettings settings, NotificationMeters meters, Clock clock) {
		this.mongo = mongo;
		this.lists = lists;
		this.newest = newest;
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
	 * Claims up to a batch of due notifications. It reads a sample of the pushes owed by id from their list (so the
	 * inbox history is never searched, and workers that sample at random seldom pick the same ones), then claims
	 * each by one conditional update on its attempt count and claim time as read, both of which every claim and
	 * every recorded outcome change: of two instances that picked the same one, exactly one holds it. Listed
	 * notifications that are no longer owed leave the list.
	 */
	private Mono<Claimed> claim(String claim, Instant now) {
		return lists.ids(Inboxes.PUSHES_OWED).flatMap(listed -> {
			if (listed.isEmpty()) {
				return Mono.just(new Claimed(0, List.of()));
			}
			List<String> sample = new ArrayList<>(listed);
			Collections.shuffle(sample);
			Query picked = Query.query(Criteria.where("_id").in(sample.subList(0, Math.min(sample.size(), settings.batchSize()))));
			picked.fields().include("_id", "delivery.state", "delivery.attempts", "delivery.nextAttemptAt",
					"delivery.claimedUntil");
			return mongo.find(picked, Document.class, NOTIFICATIONS).collectList().flatMap(found -> {
				List<String> settled = new ArrayList<>();
				var claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NOTIFICATIONS);
				List<String> due = new ArrayList<>();
				for (Document notification : found) {
					String id = String.valueOf(notification.get("_id"));
					Document delivery = notification.get("delivery", Document.class);
					if (!DeliveryState.PENDING.name().equals(delivery.getString("state"))) {
						settled.add(id);
						continue;
					}
					Date claimedUntil = delivery.getDate("claimedUntil");
					if (delivery.getDate("nextAttemptAt").toInstant().isAfter(now) || !claimedUntil.toInstant().isBefore(now)) {
						continue;
					}
					due.add(id);
					claims.updateOne(Query.query(Criteria.where("_id").is(id)
						.and("delivery.attempts").is(delivery.getInteger("attempts"))
						.and("delivery.claimedUntil").is(claimedUntil)),
							new Update().set("delivery.claimedBy", claim).set("delivery.claimedUntil", now.plus(settings.claimFor())));
				}
				Mono<Void> tidy = lists.remove(Inboxes.PUSHES_OWED, settled);
				if (due.isEmpty()) {
					return tidy.thenReturn(new Claimed(0, List.of()));
				}
				return tidy.then(claims.execute())
					.then(mongo.find(Query.query(Criteria.where("_id").in(due)), Notification.class)
						.filter(notification -> claim.equals(notification.delivery().claimedBy()))
						.collectList())
					.map(claimed -> new Claimed(due.size(), claimed));
			});
		});
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
		// A newer notification about the same subject, for the same person, makes one pointless: the phone would show
		// an offer for a visit since cancelled, since both share one collapse key.
		return newest.overtaken(claimed).flatMap(replaced -> {
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

	private Mono<Round> record(String claim, List<Notification> claimed, Set<String> replaced,
			List<PushGateway.Message> messages, List<String> owners, List<PushGateway.Outcome> outcomes, Instant now) {
		Map<String, List<Integer>> messageIndexes = new HashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			messageIndexes.computeIfAbsent(owners.get(i), id -> new ArrayList<>()).add(i);
		}
		Set<String> goneTokens = new HashSet<>();
		ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Notification.class);
		List<DeliveryState> ended = new ArrayList<>();
		List<String> settled = new ArrayList<>();
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
				settled.add(notification.id());
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
				settled.add(notification.id());
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
		return bulk.execute().flatMap(written -> {
			ended.forEach(meters::ended);
			meters.retried(retries);
			// When a claim lapsed, another worker holds the notification now: the list keeps it until a claim finds it
			// settled.
			return written.getMatchedCount() == claimed.size() ? lists.remove(Inboxes.PUSHES_OWED, settled) : Mono.<Void>empty();
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
