package cn.talentexchange.expert;

import java.util.Set;

import cn.talentexchange.security.Account;
import cn.talentexchange.security.AccountDirectory;
import cn.talentexchange.security.Role;
import org.bson.Document;

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

	/** By the unique username alone, so that every store answers from its index; retirement is checked here. */
	@Override
	public Mono<Account> findActive(String username) {
		Query query = Query.query(Criteria.where("username").is(username));
		query.fields().include("username", "status", "locale");
		return mongo.findOne(query, Document.class, mongo.getCollectionName(Expert.class))
			.filter(expert -> !ExpertStatus.RETIRED.name().equals(expert.getString("status")))
			.map(expert -> new Account(expert.getString("username"), Set.of(Role.EXPERT), null, Set.of(),
					expert.getString("locale")));
	}

}
