package cn.talentexchange.security;

import java.util.List;

import cn.talentexchange.database.IndexTask;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
class StaffUserIndexes {

	@Bean
	IndexTask staffUserIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, StaffUser.class,
				List.of(new Index("username", Sort.Direction.ASC).unique().named("username_unique")));
	}

}
