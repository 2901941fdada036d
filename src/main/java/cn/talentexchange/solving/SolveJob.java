package cn.talentexchange.solving;

import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * What a feature hands the runner: a run already recorded as QUEUED, the problem to load, and what to record
 * of the best solution. The runner does everything else: the queue, the solver slot, status, progress,
 * heartbeats and the end.
 *
 * @param <S> the planning solution
 */
public interface SolveJob<S> {

	String runId();

	RunKind kind();

	SolverEngine<S> engine();

	/** Loads the problem; subscribed once, before the run joins the queue. */
	Mono<S> problem();

	/** How many positions the problem has to fill. */
	int positions(S solution);

	/** How many positions the solution fills. */
	int filled(S solution);

	/** What the positions left empty weigh, for the metrics; each counts one unless the kind weighs them. */
	default long unfilledWeight(S solution) {
		return positions(solution) - filled(solution);
	}

	/** The fields recorded at the end besides status, score and times: the plan and its analysis. Runs on the solver thread. */
	Update outcome(S best);

	/** Fields recorded, about once a second, as the best solution improves. */
	default Update progress(S best) {
		return new Update();
	}

}
