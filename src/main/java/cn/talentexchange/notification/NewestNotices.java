package cn.talentexchange.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When the newest notification about each subject for each person was made, one document per pair reached by its
 * id: what tells the dispatcher that a push it holds was overtaken (an offer since cancelled), without searching the
 * inbox history. Noted before the notification is written, so the newer one is never missed; a crash in between is
 * mended by the relay, which writes the same notification again.
 */
@Component
class NewestNotices {

	static final String COLLECTION = "newestNotices";

	private final ReactiveMongoTemplate mongo;

	NewestNotices(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Notes the notifications as the newest about their subjects, unless a newer one is noted already. */
	Mono<Void> note(Collection<Notification> notifications) {
		List<Notification> about = notifications.stream().filter(notification -> notification.subjectId() != null).toList();
		if (about.isEmpty()) {
			return Mono.empty();
		}
		var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		about.forEach(notification -> bulk.upsert(Query.query(Criteria.where("_id").is(key(notification))),
				new Update().max("createdAt", notification.createdAt())));
		return bulk.execute().then();
	}

	/** The ids of those of the notifications that a newer one about the same subject, for the same person, overtook. */
	Mono<Set<String>> overtaken(Collection<Notification> notifications) {
		Set<String> keys = notifications.stream()
			.filter(notification -> notification.subjectId() != null)
			.map(NewestNotices::key)
			.collect(Collectors.toSet());
		if (keys.isEmpty()) {
			return Mono.just(Set.of());
		}
		return mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, COLLECTION)
			.collectMap(newest -> newest.getString("_id"), newest -> newest.getDate("createdAt").toInstant())
			.map(newestByKey -> {
				Set<String> overtaken = new HashSet<>();
				for (Notification notification : notifications) {
					Instant newest = notification.subjectId() == null ? null : newestByKey.get(key(notification));
					if (newest != null && newest.isAfter(notification.createdAt())) {
						overtaken.add(notification.id());
					}
				}
				return overtaken;
			});
	}

	private static String key(Notification notification) {
		return notification.recipient() + "/" + notification.subjectId();
	}

}
