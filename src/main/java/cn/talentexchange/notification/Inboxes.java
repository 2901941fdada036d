package cn.talentexchange.notification;

import java.util.List;

import cn.talentexchange.database.IdList;
import cn.talentexchange.database.IdLists;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts notifications into their inboxes. The person's inbox list, the list of pushes still owed and the newest
 * notice about each subject name the entry first, and the entry is written next, each keyed by the notification's
 * id, so a crash in between is mended by doing it again: the outbox relay does, since it removes a notice only
 * afterwards.
 */
@Component
public class Inboxes {

	/** Each person's inbox entries, for the phone's first read. */
	static final IdList INBOX = new IdList("inbox", "notifications", "recipient");

	/**
	 * The notifications whose push is still owed, for the dispatcher: it reads them by id instead of searching the
	 * inbox history, which grows with every month.
	 */
	static final IdList PUSHES_OWED = IdList.spread("pushes-owed", "notifications",
			Criteria.where("delivery.state").is(Notification.DeliveryState.PENDING), 64);

	private final ReactiveMongoTemplate mongo;

	private final IdLists lists;

	private final NewestNotices newest;

	Inboxes(ReactiveMongoTemplate mongo, IdLists lists, NewestNotices newest) {
		this.mongo = mongo;
		this.lists = lists;
		this.newest = newest;
	}

	/** Everything in the person's inbox, read or not. */
	Flux<Notification> of(String username) {
		return lists.members(INBOX, username, Notification.class).filter(entry -> username.equals(entry.recipient()));
	}

	/** Writes the notifications; those already there are left as they are. */
	public Mono<Void> put(List<Notification> notifications) {
		if (notifications.isEmpty()) {
			return Mono.empty();
		}
		Mono<Void> entries = mongo.insertAll(notifications).then()
			// Some were written before: write the rest one by one.
			.onErrorResume(DuplicateKeyException.class, some -> Flux.fromIterable(notifications)
				.concatMap(notification -> mongo.insert(notification).then()
					.onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty()))
				.then());
		return Mono.when(lists.add(INBOX, notifications, Notification::recipient, Notification::id),
				lists.add(PUSHES_OWED, notifications.stream().map(Notification::id).toList()), newest.note(notifications))
			.then(entries);
	}

}
