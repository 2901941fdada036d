package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.Paging;

import org.springframework.data.domain.Sort;
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

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	private final Clock clock;

	InboxController(ReactiveMongoTemplate mongo, PagedQueries pages, Clock clock) {
		this.mongo = mongo;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	Mono<InboxPage> inbox(Caller caller, @RequestParam(defaultValue = "false") boolean unreadOnly,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		Criteria mine = Criteria.where("recipient").is(caller.username());
		Criteria listed = unreadOnly ? Criteria.where("recipient").is(caller.username()).and("readAt").is(null) : mine;
		return Mono.zip(pages.page(Query.query(listed), NEWEST_FIRST, paging, Notification.class),
				mongo.count(Query.query(Criteria.where("recipient").is(caller.username()).and("readAt").is(null)),
						Notification.class))
			.map(found -> new InboxPage(found.getT1().items().stream().map(InboxItem::of).toList(), found.getT1().page(),
					found.getT1().size(), found.getT1().total(), found.getT2()));
	}

	/** Marks one entry read; reading it again keeps the first time. */
	@PostMapping("/{id}/read")
	Mono<InboxItem> markRead(Caller caller, @PathVariable String id) {
		Criteria mine = Criteria.where("_id").is(id).and("recipient").is(caller.username());
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("recipient").is(caller.username())
			.and("readAt").is(null)), new Update().set("readAt", clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Notification.class)
			.switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(mine), Notification.class)))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("inbox entry", id)))
			.map(InboxItem::of);
	}

	/** Marks everything that arrived until now as read. */
	@PostMapping("/read")
	Mono<MarkedRead> markAllRead(Caller caller) {
		Instant now = clock.instant();
		return mongo.updateMulti(Query.query(Criteria.where("recipient").is(caller.username()).and("readAt").is(null)
			.and("createdAt").lte(now)), new Update().set("readAt", now), Notification.class)
			.map(result -> new MarkedRead(result.getModifiedCount()));
	}

	/** One page of the inbox and how many entries are unread in all. */
	record InboxPage(List<InboxItem> items, int page, int size, long total, long unread) {
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
