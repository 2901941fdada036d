package cn.talentexchange.solving;

import java.time.Instant;
import java.util.Collection;

import reactor.core.publisher.Mono;

/**
 * A kind of solver run a feature keeps (weekend plans, secondment matches): the collection its run documents
 * live in, and what a run holds besides the solver slot. Run documents share the fields the runner writes:
 * {@code status}, {@code instanceId}, {@code heartbeatAt}, {@code stopRequested}, {@code startedAt},
 * {@code finishedAt}, {@code score}, {@code firstFeasibleMillis}, {@code failure}, {@code updatedAt} and
 * {@code version}.
 */
public interface RunKind {

	/** The document class of this kind's runs. */
	Class<?> runType();

	/** Frees what an ended run held (a window lock, say); called once, however the run ended. */
	default Mono<Void> release(String runId) {
		return Mono.empty();
	}

	/** Keeps what live runs hold until {@code until}; called with every heartbeat. */
	default Mono<Void> renew(Collection<String> runIds, Instant until) {
		return Mono.empty();
	}

}
