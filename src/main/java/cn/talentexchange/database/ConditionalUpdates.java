package cn.talentexchange.database;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
import reactor.util.retry.Retry;

/**
 * Every state change is one {@code findAndModify} whose filter holds the caller's access scope, the
 * expected version and, for transitions, the expected states. When it matches nothing, one read tells
 * the caller why: the document is not theirs (404), someone changed it (409/412), or its state forbids it.
 */
@Component
public class ConditionalUpdates {

	private static final int REREAD_ATTEMPTS = 5;

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

	/**
	 * Derives the change from the document as it is now and applies it on the version read, or on {@code expected}
	 * when the caller named one. Without one, a concurrent change of the document makes this read and derive again.
	 *
	 * @param change the update for the document read; it may refuse with an {@link ApiProblem}
	 */
	public <T extends Versioned> Mono<T> updateCurrent(Class<T> type, String what, Criteria scope,
			ExpectedVersion expected, Function<T, Update> change) {
		Mono<T> once = Mono.defer(() -> mongo.findOne(Query.query(scope), type)
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such " + what)))
			.flatMap(current -> update(type, what, scope,
					expected != null ? expected : new ExpectedVersion(current.version(), false), change.apply(current))));
		return expected != null ? once : once.retryWhen(rereadOnConflict());
	}

	/**
	 * Sets what may be set only once (a rating, one side's approval). The "not set yet" check is made on the
	 * document as read and the update requires that document's version, rather than "field is null" in the
	 * filter: under concurrent writes the embedded server can match a missing field on a document another
	 * writer has just changed. A concurrent change of the document makes this read and decide again.
	 *
	 * @param refusal explains a document that exists but may not take the change (already set, wrong state)
	 */
	public <T extends Versioned> Mono<T> setOnce(Class<T> type, String what, Criteria scope, Criteria precondition,
			Predicate<T> refused, Update changes, Function<T, ApiProblem> refusal) {
		return Mono.defer(() -> mongo.findOne(Query.query(scope), type)
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such " + what)))
			.flatMap(current -> refused.test(current) ? Mono.<T>error(refusal.apply(current))
					: transition(type, what, scope, new ExpectedVersion(current.version(), false), precondition, changes,
							refusal)))
			.retryWhen(rereadOnConflict());
	}

	/** A few rereads settle concurrent changes of one document; past them, the conflict itself is the answer. */
	private static Retry rereadOnConflict() {
		return Retry.max(REREAD_ATTEMPTS)
			.filter(failure -> failure instanceof ApiProblem problem && problem.type() == ProblemType.VERSION_CONFLICT)
			.onRetryExhaustedThrow((spec, signal) -> signal.failure());
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
