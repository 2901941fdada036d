package cn.talentexchange.assignment;

import java.util.List;

import cn.talentexchange.database.IndexTask;
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
				new Index("planId", Sort.Direction.ASC).named("plan"), Outbox.pendingIndex()));
	}

	@Bean
	IndexTask calendarFeedIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, CalendarController.CalendarFeed.class,
				List.of(new Index("expertId", Sort.Direction.ASC).unique().named("expert_unique")));
	}

}
