package cn.talentexchange.database;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.ProblemType;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every state change is one {@code findAndModify} whose filter holds the caller's access scope, the
 * expected version and, for transitions, the expected states. When it matches nothing, one read tells
 * the caller why: the document is not theirs (404), someone changed it (409/412), or its state forbids it.
 */
@Component
public class ConditionalUpdates {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	ConditionalUpdates(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Applies {@code changes} if the document in {@code scope} still has the expected version. */
	public <T extends Versioned> Mono<T> update(Class<T> type, String what, Criteria scope, ExpectedVersion expected,
			Update changes) {
		return modify(type, what, scope, expected, new Criteria(), changes, current -> expected.mismatch(current.version()));
	}

	/**
	 * Applies {@code changes} if the document in {@code scope} matches {@code precondition}, and the expected
	 * version when one is given. {@code refusal} explains a document that exists but fails the precondition.
	 */
	public <T extends Versioned> Mono<T> transition(Class<T> type, String what, Criteria scope,
			ExpectedVersion expected, Criteria precondition, Update changes, Function<T, ApiProblem> refusal) {
		return modify(type, what, scope, expected, precondition, changes, current -> {
			if (expected != null && current.version() != expected.value()) {
				return expected.mismatch(current.version());
			}
			return refusal.apply(current);
		});
	}

	private <T extends Versioned> Mono<T> modify(Class<T> type, String what, Criteria scope, ExpectedVersion expected,
			Criteria precondition, Update changes, Function<T, ApiProblem> explainMiss) {
		Criteria filter = new Criteria().andOperator(scope, precondition,
				expected == null ? new Criteria() : Criteria.where("version").is(expected.value()));
		Update update = changes.inc("version", 1).set("updatedAt", clock.instant());
		return mongo.findAndModify(Query.query(filter), update, FindAndModifyOptions.options().returnNew(true), type)
			.switchIfEmpty(Mono.defer(() -> mongo.findOne(Query.query(scope), type)
				.flatMap(current -> Mono.<T>error(explainMiss.apply(current)))
				.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such " + what)))));
	}

	/** The refusal for a transition whose current status does not allow it. */
	public static ApiProblem invalidState(String action, Enum<?> currentStatus) {
		return new ApiProblem(ProblemType.INVALID_STATE,
				"Cannot " + action + " while the status is " + currentStatus, Map.of("currentStatus", currentStatus.name()));
	}

}
