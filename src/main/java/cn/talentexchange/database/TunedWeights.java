package cn.talentexchange.database;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import cn.talentexchange.web.ExpectedVersion;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Weights the coordination office tunes, one versioned document per set in {@code settings}: the defaults,
 * at version 0, until the first change creates the document at version 1.
 */
@Component
public class TunedWeights {

	private static final String COLLECTION = "settings";

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	TunedWeights(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public <T> Mono<Tuned<T>> current(Key<T> key) {
		return mongo.findById(key.id(), Document.class, COLLECTION)
			.map(stored -> read(stored, key))
			.defaultIfEmpty(new Tuned<>(key.defaults(), key.defaults(), 0, null, null));
	}

	/** Replaces the weights if the stored version is the expected one. */
	public <T> Mono<Tuned<T>> change(Key<T> key, T weights, ExpectedVersion expected, String username) {
		// The store keeps milliseconds: answer with what a later read returns.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Object written = mongo.getConverter().convertToMongoType(weights);
		Mono<Tuned<T>> update = mongo.findAndModify(
				Query.query(Criteria.where("_id").is(key.id()).and("version").is(expected.value())),
				new Update().set("weights", written).set("updatedAt", now).set("updatedBy", username).inc("version", 1),
				FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
			.map(stored -> read(stored, key));
		Mono<Tuned<T>> firstChange = expected.value() == 0 ? mongo.insert(new Document("_id", key.id()).append("weights", written)
			.append("version", 1L)
			.append("updatedAt", Date.from(now))
			.append("updatedBy", username), COLLECTION)
			.map(stored -> new Tuned<>(weights, key.defaults(), 1, now, username))
			.onErrorResume(DuplicateKeyException.class, raced -> Mono.empty()) : Mono.empty();
		return update.switchIfEmpty(firstChange)
			.switchIfEmpty(Mono.defer(() -> current(key)
				.flatMap(stored -> Mono.error(expected.mismatch(stored.version())))));
	}

	/** Weights stored before a rule existed lack it: it reads at its default. */
	private <T> Tuned<T> read(Document stored, Key<T> key) {
		Document weights = (Document) mongo.getConverter().convertToMongoType(key.defaults());
		weights.putAll(stored.get("weights", Document.class));
		Date updatedAt = stored.getDate("updatedAt");
		return new Tuned<>(mongo.getConverter().read(key.type(), weights), key.defaults(),
				((Number) stored.get("version")).longValue(), updatedAt == null ? null : updatedAt.toInstant(),
				stored.getString("updatedBy"));
	}

	/** One set of weights: where it is stored, its type, and the built-in defaults. */
	public record Key<T>(String id, Class<T> type, T defaults) {
	}

	/**
	 * The weights in force beside the built-in defaults, their version, and who changed them last and when (null
	 * while they are the defaults). Answered as it is by the endpoints that tune them.
	 */
	public record Tuned<T>(T weights, T defaults, long version, Instant updatedAt, String updatedBy) {
	}

}
