package cn.talentexchange.database;

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

	public <T> Mono<PagedList<T>> page(Query query, Sort sort, Paging paging, Class<T> type) {
		Query pageQuery = Query.of(query).with(sort).skip(paging.offset()).limit(paging.size());
		return Mono.zip(mongo.find(pageQuery, type).collectList(), mongo.count(Query.of(query), type))
			.map(result -> PagedList.of(result.getT1(), paging, result.getT2()));
	}

}
