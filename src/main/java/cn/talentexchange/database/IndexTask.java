package cn.talentexchange.database;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The indexes one collection needs: unique keys and the lookups the API makes. */
public record IndexTask(ReactiveMongoTemplate mongo, Class<?> collection, List<Index> indexes) implements StartupTask {

	@Override
	public int order() {
		return INDEXES;
	}

	@Override
	public Mono<Void> run() {
		return Flux.fromIterable(indexes).concatMap(index -> mongo.indexOps(collection).createIndex(index)).then();
	}

}
