package cn.talentexchange.expert;

import java.util.List;

import cn.talentexchange.database.IndexTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class ExpertIndexes {

	@Bean
	IndexTask expertIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, Expert.class, List.of(
				new Index("username", Sort.Direction.ASC).unique().named("username_unique"),
				new Index("devices.token", Sort.Direction.ASC).named("device_token"),
				new Index("organisationId", Sort.Direction.ASC).named("organisation"),
				new Index("skills.skill", Sort.Direction.ASC).named("skill"),
				new Index("availability.dates", Sort.Direction.ASC).named("available_dates")));
	}

}
