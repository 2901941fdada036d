package cn.talentexchange.planning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.solving.RunStatus;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One solver run over a window, persisted from the moment it is asked for: its status, timings, best
 * score, the proposed assignments and the score analysis.
 *
 * @param instanceId the application instance that runs the solver
 * @param stopRequested a coordinator asked to stop early; the running instance picks it up
 * @param replanOf for a replan, the planned requests whose freed seats it refills; null for a coordinator's plan
 */
@Document("planRuns")
public record PlanRun(String id, PlanWindow window, String profile, RunStatus status, String requestedBy,
		String instanceId, boolean stopRequested, Instant createdAt, Instant startedAt, Instant finishedAt,
		Long firstFeasibleMillis, String score, Counts counts, List<Proposal> proposals,
		List<ConstraintTotal> constraints, String failure, Instant publishedAt, long version, Instant updatedAt,
		List<String> replanOf) implements Versioned {

	/** Whether the system started this run to refill seats that were given back, rather than a coordinator. */
	public boolean isReplan() {
		return replanOf != null;
	}

	/** Seats to fill in the window, how many got an expert, and the empty ones by request priority. */
	public record Counts(int seats, int filled, int unfilled, Map<String, Integer> unfilledByPriority,
			Map<String, Integer> filledByPriority) {
	}

	/** One seat position and who the plan puts there (null: nobody could be found). */
	public record Proposal(String slotId, String requestId, String countyId, int seat, int position, String skill,
			String priority, String date, boolean wholeWeekend, String expertId, List<SlotScore> scoredBy) {
	}

	/** A rule's total over the plan. */
	public record ConstraintTotal(String name, String level, String score, int matches) {
	}

	/** A rule that scored on one seat position, with what it cost or earned there. */
	public record SlotScore(String constraint, String score) {
	}

}
