package cn.talentexchange.demand;

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
class RequestIndexes {

	@Bean
	IndexTask requestIndexTask(ReactiveMongoTemplate mongo) {
		return new IndexTask(mongo, DemandRequest.class, List.of(
				new Index().on("countyId", Sort.Direction.ASC).on("status", Sort.Direction.ASC).named("county_status"),
				new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("status_created"),
				Outbox.pendingIndex()));
	}

	@Bean
	StartupTask requestListsTask(IdLists lists) {
		return lists.backfill(Requests.OPEN_TO_EXPERTS);
	}

}
