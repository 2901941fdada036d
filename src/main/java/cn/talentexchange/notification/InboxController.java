package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ListPage;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Everyone's in-app inbox: the channel that always works, with or without push. */
@RestController
@RequestMapping("/api/v1/me/inbox")
class InboxController {

	private static final Comparator<Notification> NEWEST_FIRST = Comparator.comparing(Notification::createdAt)
		.thenComparing(Notification::id)
		.reversed();

	private final ReactiveMongoTemplate mongo;

	private final Inboxes inboxes;

	private final Clock clock;

	InboxController(ReactiveMongoTemplate mongo, Inboxes inboxes, Clock clock) {
		this.mongo = mongo;
		this.inboxes = inboxes;
		this.clock = clock;
	}

	@GetMapping
	Mono<InboxPage> inbox(Caller caller, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		return inboxes.of(caller.username()).sort(NEWEST_FIRST).collectList().map(all -> {
			List<Notification> unread = all.stream().filter(entry -> entry.readAt() == null).toList();
			PagedList<InboxItem> listed = PagedList.slice(unreadOnly ? unread : all, paging).map(InboxItem::of);
			return new InboxPage(listed.items(), listed.page(), listed.size(), listed.total(), unread.size());
		});
	}

	/** The entry a push opens; reading it does not mark it read, the app says so when the person has seen it. */
	@GetMapping("/{id}")
	Mono<InboxItem> entry(Caller caller, @PathVariable String id) {
		return own(caller, id).map(InboxItem::of);
	}

	/** Marks one entry read; reading it again keeps the first time ({@code $min}, so a race keeps it too). */
	@PostMapping("/{id}/read")
	Mono<InboxItem> markRead(Caller caller, @PathVariable String id) {
		Query byId = Query.query(Criteria.where("_id").is(id));
		return own(caller, id).flatMap(mine -> mine.readAt() != null ? Mono.just(mine)
				: mongo.findAndModify(byId, new Update().min("readAt", clock.instant()),
						FindAndModifyOptions.options().returnNew(true), Notification.class))
			.map(InboxItem::of);
	}

	/** Someone else's entry is as absent as one that never existed. */
	private Mono<Notification> own(Caller caller, String id) {
		return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Notification.class)
			.filter(entry -> entry.recipient().equals(caller.username()))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("inbox entry", id)));
	}

	/** Marks everything that arrived until now as read. */
	@PostMapping("/read")
	Mono<MarkedRead> markAllRead(Caller caller) {
		Instant now = clock.instant();
		return inboxes.of(caller.username())
			.filter(entry -> entry.readAt() == null && !entry.createdAt().isAfter(now))
			.map(Notification::id)
			.collectList()
			.flatMap(unread -> unread.isEmpty() ? Mono.just(new MarkedRead(0))
					: mongo.updateMulti(Query.query(Criteria.where("_id").in(unread)), new Update().min("readAt", now),
							Notification.class)
						.map(result -> new MarkedRead(result.getModifiedCount())));
	}

	/** One page of the inbox and how many entries are unread in all. */
	record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) implements ListPage {
	}

	record MarkedRead(long marked) {
	}

	/**
	 * @param subjectId the assignment (or request) the entry is about, for the app to open
	 * @param delivery how the push went: PENDING, SENT, INBOX_ONLY or EXPIRED
	 */
	record InboxItem(String id, String notificationId, NotificationKind kind, String title, String body,
			String subjectId, String requestId, Instant createdAt, Instant readAt, Notification.DeliveryState delivery) {

		static InboxItem of(Notification notification) {
			return new InboxItem(notification.id(), notification.noticeId(), notification.kind(), notification.title(),
					notification.body(), notification.subjectId(), notification.requestId(), notification.createdAt(),
					notification.readAt(), notification.delivery().state());
		}

	}

}
