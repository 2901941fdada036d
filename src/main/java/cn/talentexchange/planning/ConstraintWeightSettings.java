package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Instant;

import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.web.ExpectedVersion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The soft weights the coordination office chose; the defaults until they first change them. */
@Component
class ConstraintWeightSettings {

	private static final String ID = "constraint-weights";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	ConstraintWeightSettings(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	Mono<Stored> current() {
		return mongo.findById(ID, Stored.class)
			.map(stored -> new Stored(stored.id(), stored.weights().withNewRulesAtDefault(), stored.version(),
					stored.updatedAt(), stored.updatedBy()))
			.defaultIfEmpty(new Stored(ID, SoftWeights.DEFAULTS, 0, null, null));
	}

	/** Version 0 means "still the defaults": the first change creates the document. */
	Mono<Stored> change(SoftWeights weights, ExpectedVersion expected, String username) {
		Instant now = clock.instant();
		Mono<Stored> update = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(ID).and("version").is(expected.value())),
				new Update().set("weights", weights).set("updatedAt", now).set("updatedBy", username).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Stored.class);
		Mono<Stored> firstChange = expected.value() == 0
				? mongo.insert(new Stored(ID, weights, 1, now, username)).onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
				: Mono.empty();
		return update.switchIfEmpty(firstChange)
			.switchIfEmpty(Mono.defer(() -> current().flatMap(stored -> Mono.error(expected.mismatch(stored.version())))));
	}

	@Document("settings")
	record Stored(String id, SoftWeights weights, long version, Instant updatedAt, String updatedBy) {
	}

}
