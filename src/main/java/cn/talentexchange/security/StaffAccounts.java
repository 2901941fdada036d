package cn.talentexchange.security;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
class StaffAccounts implements AccountDirectory {

	private final ReactiveMongoTemplate mongo;

	StaffAccounts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Account> findActive(String username) {
		return mongo.findOne(Query.query(Criteria.where("username").is(username).and("enabled").is(true)), StaffUser.class)
			.map(StaffUser::account);
	}

}
