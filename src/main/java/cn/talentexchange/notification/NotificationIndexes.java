package cn.talentexchange.notification;

import java.util.List;

import cn.talentexchange.database.IdLists;
import cn.talentexchange.database.IndexTask;
import cn.talentexchange.database.StartupTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class NotificationIndexes {

	@Bean
	StartupTask inboxListsTask(IdLists lists) {
		return lists.backfill(Inboxes.INBOX, Inboxes.PUSHES_OWED);
	}

	/**
	 * The dispatcher reads the pushes owed from their list and claims and records each by a filter on exactly a
	 * unique index's fields; the metrics find the oldest push owed; the inbox lists a person's newest first.
	 */
	@Bean
	IndexTask notificationIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, Notification.class, List.of(
				new Index().on("delivery.state", Sort.Direction.ASC).on("delivery.nextAttemptAt", Sort.Direction.ASC)
					.named("delivery_due"),
				// Unique by their _id anyway. Claiming and recording filter on exactly these fields, and the embedded
				// server only uses an index whose fields a filter names exactly: without them each would scan all.
				new Index().on("_id", Sort.Direction.ASC)
					.on("delivery.attempts", Sort.Direction.ASC)
					.on("delivery.claimedUntil", Sort.Direction.ASC)
					.unique()
					.named("id_attempt_claim"),
				new Index().on("_id", Sort.Direction.ASC).on("delivery.claimedBy", Sort.Direction.ASC).unique()
					.named("id_claim"),
				new Index().on("recipient", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("inbox")));
	}

}
