package cn.talentexchange.security;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class StaffAccounts implements AccountDirectory, StaffDirectory {

	private final ReactiveMongoTemplate mongo;

	StaffAccounts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** By the unique username alone, so that every store answers from its index; being enabled is checked here. */
	@Override
	public Mono<Account> findActive(String username) {
		return mongo.findOne(Query.query(Criteria.where("username").is(username)), StaffUser.class)
			.filter(StaffUser::enabled)
			.map(StaffUser::account);
	}

	@Override
	public Flux<Account> holding(Role role, String countyId) {
		Criteria criteria = Criteria.where("roles").is(role).and("enabled").is(true);
		if (countyId != null) {
			criteria = criteria.and("countyId").is(countyId);
		}
		return mongo.find(Query.query(criteria), StaffUser.class).map(StaffUser::account);
	}

	@Override
	public Flux<Account> actingFor(Role role, String organisationId) {
		return mongo.find(Query.query(Criteria.where("roles").is(role).and("enabled").is(true)
			.and("organisationIds").is(organisationId)), StaffUser.class).map(StaffUser::account);
	}

}
