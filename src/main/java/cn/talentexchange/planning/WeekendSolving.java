package cn.talentexchange.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.demand.Priority;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.solving.RunKind;
import cn.talentexchange.solving.SolveJob;
import cn.talentexchange.solving.SolverEngine;
import cn.talentexchange.solving.SolverEngines;
import cn.talentexchange.solving.SolverRunner;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.Indictment;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Weekend plans and replans as the solver runner sees them: their problem, what a best plan records (the
 * proposals, counts and score analysis), and the window lock each run holds until it ends.
 */
@Component
class WeekendSolving implements RunKind {

	private final SolverEngines engines;

	private final SolverRunner runner;

	private final PlanLocks locks;

	WeekendSolving(SolverEngines engines, SolverRunner runner, PlanLocks locks) {
		this.engines = engines;
		this.runner = runner;
		this.locks = locks;
	}

	/** The compiled configuration of a profile; compiling is blocking work, done once per profile. */
	SolverEngine<WeekendPlan> engine(String profile) {
		return engines.engine(profile, WeekendPlan.class, WeekendPlan::getScore);
	}

	/** Queues the run on this instance's solver runner; it loads its problem first. */
	void launch(PlanRun run, Mono<WeekendPlan> problem) {
		runner.submit(new WeekendJob(run.id(), this, engine(run.profile()), problem));
	}

	@Override
	public Class<?> runType() {
		return PlanRun.class;
	}

	@Override
	public Mono<Void> release(String runId) {
		return locks.release(runId);
	}

	@Override
	public Mono<Void> renew(Collection<String> runIds, Instant until) {
		return locks.renew(runIds, until);
	}

	private static PlanRun.Counts counts(WeekendPlan plan) {
		Map<String, Integer> unfilled = new LinkedHashMap<>();
		Map<String, Integer> filled = new LinkedHashMap<>();
		for (Priority priority : Priority.values()) {
			unfilled.put(priority.name(), 0);
			filled.put(priority.name(), 0);
		}
		int filledTotal = 0;
		for (SeatSlot slot : plan.getSlots()) {
			String priority = Priority.ofWeight(slot.getVisit().getPriorityWeight()).name();
			if (slot.getExpert() == null) {
				unfilled.merge(priority, 1, Integer::sum);
			}
			else {
				filled.merge(priority, 1, Integer::sum);
				filledTotal++;
			}
		}
		return new PlanRun.Counts(plan.getSlots().size(), filledTotal, plan.getSlots().size() - filledTotal, unfilled, filled);
	}

	private static List<PlanRun.Proposal> proposals(WeekendPlan plan,
			ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation) {
		Map<Object, Indictment<HardMediumSoftLongScore>> indictments = explanation.getIndictmentMap();
		List<PlanRun.Proposal> proposals = new ArrayList<>();
		for (SeatSlot slot : plan.getSlots()) {
			Indictment<HardMediumSoftLongScore> indictment = indictments.get(slot);
			List<PlanRun.SlotScore> scoredBy = indictment == null ? List.of() : indictment.getConstraintMatchSet().stream()
				// A rule that matched at no cost did not score: it is not a reason.
				.filter(match -> !match.getScore().isZero())
				.map(match -> new PlanRun.SlotScore(match.getConstraintName(), match.getScore().toString()))
				.sorted(Comparator.comparing(PlanRun.SlotScore::constraint))
				.toList();
			proposals.add(new PlanRun.Proposal(slot.getId(), slot.getVisit().getRequestId(), slot.getVisit().getCountyId(),
					slot.getSeat(), positionOf(slot), slot.getSkill(),
					Priority.ofWeight(slot.getVisit().getPriorityWeight()).name(),
					slot.getDate() == null ? null : slot.getDate().toString(), slot.getVisit().isWholeWeekend(),
					slot.getExpert() == null ? null : slot.getExpert().getId(), scoredBy));
		}
		return proposals;
	}

	private static List<PlanRun.ConstraintTotal> totals(ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation) {
		return explanation.getConstraintMatchTotalMap().values().stream()
			.map(total -> new PlanRun.ConstraintTotal(total.getConstraintName(), level(total.getConstraintWeight()),
					total.getScore().toString(), total.getConstraintMatchCount()))
			.sorted(Comparator.comparing(PlanRun.ConstraintTotal::level).thenComparing(PlanRun.ConstraintTotal::name))
			.toList();
	}

	private static String level(HardMediumSoftLongScore weight) {
		return weight.hardScore() != 0 ? "HARD" : weight.mediumScore() != 0 ? "MEDIUM" : "SOFT";
	}

	private record WeekendJob(String runId, RunKind kind, SolverEngine<WeekendPlan> engine,
			Mono<WeekendPlan> problem) implements SolveJob<WeekendPlan> {

		@Override
		public int positions(WeekendPlan plan) {
			return plan.getSlots().size();
		}

		@Override
		public int filled(WeekendPlan plan) {
			return (int) plan.getSlots().stream().filter(slot -> slot.getExpert() != null).count();
		}

		/** Empty seats by their request's priority weight, as the solver's medium level counts them. */
		@Override
		public long unfilledWeight(WeekendPlan plan) {
			return plan.getSlots().stream()
				.filter(slot -> slot.getExpert() == null)
				.mapToLong(slot -> slot.getVisit().getPriorityWeight())
				.sum();
		}

		@Override
		public Update outcome(WeekendPlan best) {
			ScoreExplanation<WeekendPlan, HardMediumSoftLongScore> explanation = engine.solutionManager().explain(best);
			return new Update().set("counts", counts(best))
				.set("proposals", proposals(best, explanation))
				.set("constraints", totals(explanation));
		}

	}

	private static int positionOf(SeatSlot slot) {
		return Integer.parseInt(slot.getId().substring(slot.getId().lastIndexOf('.') + 1));
	}

}
