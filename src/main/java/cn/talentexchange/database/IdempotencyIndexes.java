package cn.talentexchange.database;

import java.time.Duration;
import java.util.List;

import cn.talentexchange.web.IdempotencyRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** The idempotency keys' index, declared here so that the web layer does not reach into the database module. */
@Configuration(proxyBeanMethods = false)
class IdempotencyIndexes {

	/** Real MongoDB drops expired keys by itself; the embedded server needs the filter's hourly purge. */
	@Bean
	IndexTask idempotencyIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, IdempotencyRecord.class,
				List.of(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expires")));
	}

}
