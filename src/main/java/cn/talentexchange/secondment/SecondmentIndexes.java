package cn.talentexchange.secondment;

import java.util.List;

import cn.talentexchange.database.IndexTask;
import cn.talentexchange.notification.Outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class SecondmentIndexes {

	@Bean
	IndexTask secondmentIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, Secondment.class, List.of(
				new Index().on("homeAreaId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("home_status"),
				new Index().on("hostAreaId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("host_status"),
				new Index().on("status", Sort.Direction.ASC).on("period.start", Sort.Direction.ASC).named("status_start"),
				new Index("postId", Sort.Direction.ASC).named("post"),
				new Index("expertId", Sort.Direction.ASC).sparse().named("expert"), Outbox.pendingIndex()));
	}

	@Bean
	IndexTask secondmentPostIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, SecondmentPost.class, List.of(
				new Index().on("hostAreaId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("host_status")));
	}

	@Bean
	IndexTask secondmentCandidateIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, SecondmentCandidate.class,
				List.of(new Index("homeAreaId", Sort.Direction.ASC).named("home")));
	}

}
