package cn.talentexchange.assignment;

import java.util.List;

import cn.talentexchange.database.IdLists;
import cn.talentexchange.database.IndexTask;
import cn.talentexchange.database.StartupTask;
import cn.talentexchange.notification.Outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class AssignmentIndexes {

	@Bean
	IndexTask assignmentIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, Assignment.class, List.of(
				new Index().on("date", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("date_status"),
				new Index().on("requestId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("request_status"),
				new Index().on("expertId", Sort.Direction.ASC).on("date", Sort.Direction.ASC).named("expert_date"),
				new Index("planId", Sort.Direction.ASC).named("plan"), Outbox.pendingIndex(),
				// Unique by its _id anyway. The schedule's changes filter on exactly these two, and the embedded server
				// uses only an index whose fields a filter names exactly: without it each change scans every assignment.
				new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique().named("id_version")));
	}

	@Bean
	StartupTask assignmentListsTask(IdLists lists) {
		return lists.backfill(Assignments.BY_EXPERT, Assignments.BY_REQUEST, Assignments.HOLDING_NOW);
	}

	@Bean
	IndexTask calendarFeedIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, CalendarController.CalendarFeed.class,
				List.of(new Index("expertId", Sort.Direction.ASC).unique().named("expert_unique")));
	}

}
