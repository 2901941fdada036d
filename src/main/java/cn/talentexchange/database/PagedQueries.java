package cn.talentexchange.database;

import java.util.List;

import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One page of a query and the total it is a page of. */
@Component
public class PagedQueries {

	private final ReactiveMongoTemplate mongo;

	PagedQueries(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** A page past the end is empty; so is one further than MongoDB can skip (its skip is a 32-bit number). */
	public <T> Mono<PagedList<T>> page(Query query, Sort sort, Paging paging, Class<T> type) {
		Mono<List<T>> items = paging.offset() > Integer.MAX_VALUE ? Mono.just(List.of())
				: mongo.find(Query.of(query).with(sort).skip(paging.offset()).limit(paging.size()), type).collectList();
		return Mono.zip(items, mongo.count(Query.of(query), type))
			.map(result -> PagedList.of(result.getT1(), paging, result.getT2()));
	}

}
