package cn.talentexchange.notification;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Notices travel inside the document whose change owes them: a module adds them to the same update that
 * changes the status ({@link #append}), so a transition and its notices are written together or not at all.
 * The relay then copies each notice into its recipients' inboxes and only afterwards removes it from the
 * outbox; a crash in between copies it again onto the same ids, which changes nothing.
 */
@Component
public class Outbox {

	static final String FIELD = "outbox";

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/** The collections whose documents carry an outbox. */
	static final Set<String> SOURCES = Set.of("assignments", "requests", "secondments");

	private static final int BATCH = 200;

	private final ReactiveMongoTemplate mongo;

	private final Recipients recipients;

	private final NotificationTexts texts;

	private final Clock clock;

	private final Sinks.Many<Boolean> written = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Boolean> relayed = Sinks.many().multicast().directBestEffort();

	private final Inboxes inboxes;

	private final NotificationMeters meters;

	Outbox(ReactiveMongoTemplate mongo, Recipients recipients, NotificationTexts texts, Inboxes inboxes,
			NotificationMeters meters, Clock clock) {
		this.mongo = mongo;
		this.meters = meters;
		this.inboxes = inboxes;
		this.recipients = recipients;
		this.texts = texts;
		this.clock = clock;
	}

	/** Adds the notices to an update of a document in one of the outbox collections. */
	public static Update append(Update update, List<Notice> notices) {
		return notices.isEmpty() ? update : update.push(FIELD).each(notices.toArray());
	}

	/**
	 * The index a collection with an outbox needs on real MongoDB: only documents with waiting notices are in it,
	 * oldest change first, as the relay reads them.
	 */
	public static Index pendingIndex() {
		return new Index().on("updatedAt", Sort.Direction.ASC)
			.partial(PartialIndexFilter.of(Criteria.where(FIELD + ".0").exists(true)))
			.named("outbox_pending");
	}

	/** Tells the relay that notices were just written, so they leave now rather than at its next round. */
	public void nudge() {
		written.tryEmitNext(true);
	}

	Flux<Boolean> nudges() {
		return written.asFlux();
	}

	/** Signals after a relay pass that put notifications in inboxes: the dispatcher has work. */
	Flux<Boolean> relayed() {
		return relayed.asFlux();
	}

	/** Moves every waiting notice into the inboxes; returns how many notices left an outbox. */
	Mono<Long> relay() {
		return Flux.fromIterable(SOURCES).concatMap(this::relayFrom).reduce(0L, Long::sum).doOnNext(moved -> {
			if (moved > 0) {
				relayed.tryEmitNext(true);
			}
		});
	}

	private Mono<Long> relayFrom(String collection) {
		return Mono.defer(() -> relayBatch(collection)).repeat().takeWhile(relayed -> relayed > 0).reduce(0L, Long::sum);
	}

	private Mono<Long> relayBatch(String collection) {
		Query waiting = Query.query(Criteria.where(FIELD + ".0").exists(true))
			.with(Sort.by("updatedAt"))
			.limit(BATCH);
		waiting.fields().include(FIELD);
		return mongo.find(waiting, Document.class, collection)
			.concatMap(owner -> Flux.fromIterable(owner.getList(FIELD, Document.class))
				.concatMap(stored -> deliverToInboxes(mongo.getConverter().read(Notice.class, stored))
					.flatMap(entries -> mongo.updateFirst(Query.query(Criteria.where("_id").is(owner.get("_id"))),
							new Update().pull(FIELD, stored), collection)
						// Only a notice actually taken out counts, so a pull that matched nothing cannot loop forever,
						// and a notice relayed again after a crash is not counted twice.
						.map(result -> {
							if (result.getModifiedCount() > 0) {
								meters.queued(entries);
							}
							return result.getModifiedCount();
						}))
					.onErrorResume(failure -> {
						log.warn("A notice in {} {} could not be relayed; the next round tries again", collection,
								owner.get("_id"), failure);
						return Mono.just(0L);
					})))
			.reduce(0L, Long::sum);
	}

	/** Writes the notice into its recipients' inboxes; returns how many entries that makes. */
	private Mono<Integer> deliverToInboxes(Notice notice) {
		return recipients.of(notice.audience())
			.concatMap(recipient -> texts.write(notice, recipient.locale())
				.map(text -> new Notification(notice.id() + ":" + recipient.username(), notice.id(), recipient.username(),
						notice.kind(), text.title(), text.body(), notice.subjectId(), notice.requestId(), notice.expiresAt(),
						notice.createdAt(), null, Notification.Delivery.pending(clock.instant()))))
			.collectList()
			.flatMap(entries -> inboxes.put(entries).thenReturn(entries.size()));
	}

}
