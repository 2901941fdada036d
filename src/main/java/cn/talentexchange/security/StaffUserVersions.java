package cn.talentexchange.security;

import cn.talentexchange.database.StartupTask;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Staff accounts stored before they were versioned get version 0: without it they cannot be read, and a
 * role change, which compares versions, could never match them.
 */
@Component
class StaffUserVersions implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	StaffUserVersions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int order() {
		return MIGRATIONS;
	}

	@Override
	public Mono<Void> run() {
		return mongo.updateMulti(Query.query(Criteria.where("version").exists(false)), new Update().set("version", 0L),
				StaffUser.class).then();
	}

}
