package cn.talentexchange.expert;

import java.util.Set;

import cn.talentexchange.security.Account;
import cn.talentexchange.security.AccountDirectory;
import cn.talentexchange.security.Role;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An expert's login is their profile; a retired expert can no longer sign in. */
@Component
class ExpertAccounts implements AccountDirectory {

	private final ReactiveMongoTemplate mongo;

	ExpertAccounts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Mono<Account> findActive(String username) {
		Query query = Query.query(Criteria.where("username").is(username).and("status").ne(ExpertStatus.RETIRED));
		return mongo.findOne(query, Expert.class)
			.map(expert -> new Account(expert.username(), Set.of(Role.EXPERT), null, Set.of(), expert.locale()));
	}

}
