package cn.talentexchange.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

/**
 * The proven optimum of a (small) weekend plan with CP-SAT, on exactly the objective of
 * {@code WeekendConstraints}: the hard rules are constraints; the medium level (priority-weighted unfilled
 * positions) is minimised first, then fixed, then the soft level with all eleven terms at the given weights, including
 * the squared load per expert, the squared shortage per county, pairs of consecutive weekends worked and
 * shared-travel pairs.
 *
 * <p>The hard rules that the problem builder already enforces through each slot's candidate list (skill and level,
 * travel limit, earlier decline, conflict of interest) need no constraint: a slot can only take a candidate.
 */
public final class CpSatOptimum {

	public record Result(boolean optimal, long medium, long softPenalty, double mediumSeconds, double softSeconds,
			double mediumBound, double softBound, String status) {

		/** The soft score as OptaPlanner writes it (rewards minus penalties). */
		public long soft() {
			return -softPenalty;
		}

	}

	private final WeekendPlan plan;

	private final SoftWeights weights;

	private final CpModel model = new CpModel();

	private final Map<Visit, Map<LocalDate, BoolVar>> onDate = new LinkedHashMap<>();

	private final Map<SeatSlot, Map<PlannedExpert, BoolVar>> takes = new LinkedHashMap<>();

	/** Only the medium level: every soft weight 0, and no soft phase. */
	private final boolean fillOnly;

	/** The slots in the model; the others are taken as filled if they can be at all. */
	private final Predicate<SeatSlot> modelled;

	private CpSatOptimum(WeekendPlan plan, SoftWeights weights, boolean fillOnly, Predicate<SeatSlot> modelled) {
		this.plan = plan;
		this.weights = weights;
		this.fillOnly = fillOnly;
		this.modelled = modelled;
	}

	/** Solves and writes the optimum into the plan (visit dates, slot dates, experts). */
	public static Result solve(WeekendPlan plan, SoftWeights weights, double secondsPerPhase, int workers) {
		Loader.loadNativeLibraries();
		return new CpSatOptimum(plan, weights, false, slot -> true).run(secondsPerPhase, workers);
	}

	/**
	 * An upper bound on the priority weight any plan can fill, on the exact rules (dates, days, caps) for the
	 * {@code modelled} slots, while every other slot counts as filled if it has a candidate at all and uses up no
	 * one. Dropping those slots only loosens the problem, so any feasible plan fills at most this; with the slots
	 * of plentiful skills left out, the model is small enough to prove. Unlike {@link #fillBound} it keeps the
	 * dates: a visit staffs all its modelled seats on one date. Writes nothing into the plan.
	 *
	 * @return the medium level's best bound (the upper bound is the total weight less it) and whether it is proven
	 */
	public static Result fillOptimum(WeekendPlan plan, Predicate<SeatSlot> modelled, double seconds, int workers) {
		Loader.loadNativeLibraries();
		SoftWeights none = new SoftWeights(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
		return new CpSatOptimum(plan, none, true, modelled).run(seconds, workers);
	}

	private Result run(double secondsPerPhase, int workers) {
		LinearExprBuilder medium = LinearExpr.newBuilder();
		LinearExprBuilder penalty = LinearExpr.newBuilder();

		// A visit happens on exactly one of its dates.
		for (Visit visit : plan.getVisits()) {
			Map<LocalDate, BoolVar> dates = new LinkedHashMap<>();
			for (LocalDate date : visit.getAcceptableDates()) {
				dates.put(date, model.newBoolVar(visit.getRequestId() + "@" + date));
			}
			model.addExactlyOne(dates.values().toArray(new Literal[0]));
			onDate.put(visit, dates);
		}

		// A position takes at most one of its candidates; empty costs the priority weight.
		Map<String, LinearExprBuilder> unfilledByCounty = new TreeMap<>();
		Map<PlannedExpert, LinearExprBuilder> load = new LinkedHashMap<>();
		Map<PlannedExpert, Integer> loadBound = new HashMap<>();
		for (SeatSlot slot : plan.getSlots()) {
			Visit visit = slot.getVisit();
			Map<PlannedExpert, BoolVar> choices = new LinkedHashMap<>();
			takes.put(slot, choices);
			if (!modelled.test(slot)) {
				// left out of the model: counted as filled whenever it has a candidate, using no one up
				medium.add(slot.getCandidates().isEmpty() ? visit.getPriorityWeight() : 0);
				continue;
			}
			LinearExprBuilder filled = LinearExpr.newBuilder();
			for (PlannedExpert expert : new LinkedHashSet<>(slot.getCandidates())) {
				BoolVar x = model.newBoolVar(slot.getId() + "=" + expert.getId());
				choices.put(expert, x);
				filled.add(x);
				load.computeIfAbsent(expert, key -> LinearExpr.newBuilder()).add(x);
				loadBound.merge(expert, 1, Integer::sum);
				// Soft terms that depend on the slot and the expert alone.
				long cost = Travel.minutes(expert.getHome(), visit.getSite()) * weights.travel();
				if (!visit.getPairedOrganisationIds().contains(expert.getOrganisationId())) {
					cost += weights.outsidePairing();
				}
				int overQualified = expert.levelOf(slot.getSkill()) - slot.getMinLevel();
				if (overQualified > 0) {
					cost += overQualified * weights.overQualified();
				}
				cost += preferenceMisses(slot, expert) * weights.preferences();
				cost += expert.trackRecordOn(visit.getCategory()).penalty() * weights.trackRecord();
				if (visit.getEarlierExpertIds().contains(expert.getId())) {
					cost -= weights.continuity();
				}
				if (cost != 0) {
					penalty.addTerm(x, cost);
				}
			}
			BoolVar isFilled = model.newBoolVar(slot.getId() + " filled");
			model.addEquality(isFilled, filled.build());
			// unfilled = 1 - isFilled
			medium.add(visit.getPriorityWeight()).addTerm(isFilled, -visit.getPriorityWeight());
			unfilledByCounty.computeIfAbsent(visit.getCountyId(), key -> LinearExpr.newBuilder()).add(1).addTerm(isFilled, -1);
			if (slot.getPreviousExpertId() != null) {
				BoolVar kept = choices.entrySet().stream()
					.filter(entry -> entry.getKey().getId().equals(slot.getPreviousExpertId()))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(null);
				penalty.add(weights.stability());
				if (kept != null) {
					penalty.addTerm(kept, -weights.stability());
				}
			}
		}

		if (!fillOnly) {
			squaredLoadAndShortage(load, loadBound, unfilledByCounty, penalty);
		}

		// Per visit and expert: at most one of its positions (twice on a visit), and the day(s) the expert works.
		Map<PlannedExpert, Map<LocalDate, List<BoolVar>>> occupiedDays = new LinkedHashMap<>();
		Map<PlannedExpert, Map<LocalDate, List<BoolVar>>> byWeekend = new LinkedHashMap<>();
		for (Visit visit : plan.getVisits()) {
			Map<PlannedExpert, LinearExprBuilder> onVisit = new LinkedHashMap<>();
			for (SeatSlot slot : visit.getSlots()) {
				takes.get(slot).forEach((expert, x) -> onVisit.computeIfAbsent(expert, key -> LinearExpr.newBuilder()).add(x));
			}
			// Shared travel: pairs of positions on this visit held by colleagues of one organisation.
			Map<String, LinearExprBuilder> byOrganisation = new TreeMap<>();
			Map<String, Integer> organisationBound = new HashMap<>();
			for (SeatSlot slot : visit.getSlots()) {
				Set<String> organisations = new TreeSet<>();
				takes.get(slot).forEach((expert, x) -> {
					byOrganisation.computeIfAbsent(expert.getOrganisationId(), key -> LinearExpr.newBuilder()).add(x);
					organisations.add(expert.getOrganisationId());
				});
				organisations.forEach(organisation -> organisationBound.merge(organisation, 1, Integer::sum));
			}
			for (Map.Entry<String, LinearExprBuilder> entry : byOrganisation.entrySet()) {
				int bound = organisationBound.get(entry.getKey());
				if (bound < 2 || weights.sharedTravel() == 0) {
					continue;
				}
				String name = visit.getRequestId() + " " + entry.getKey();
				IntVar colleagues = model.newIntVar(0, bound, name + " colleagues");
				model.addEquality(colleagues, entry.getValue().build());
				IntVar colleaguesLessOne = model.newIntVar(-1, bound - 1, name + " colleagues-1");
				model.addEquality(colleaguesLessOne, LinearExpr.newBuilder().add(colleagues).add(-1).build());
				IntVar product = model.newIntVar(0, (long) bound * (bound - 1), name + " k(k-1)");
				model.addMultiplicationEquality(product, colleagues, colleaguesLessOne);
				IntVar pairs = model.newIntVar(0, (long) bound * (bound - 1) / 2, name + " pairs");
				model.addEquality(LinearExpr.term(pairs, 2), product);
				penalty.addTerm(pairs, -weights.sharedTravel());
			}

			for (Map.Entry<PlannedExpert, LinearExprBuilder> entry : onVisit.entrySet()) {
				PlannedExpert expert = entry.getKey();
				BoolVar there = model.newBoolVar(visit.getRequestId() + " has " + expert.getId());
				model.addEquality(there, entry.getValue().build());
				for (Map.Entry<LocalDate, BoolVar> date : onDate.get(visit).entrySet()) {
					LocalDate day = date.getKey();
					boolean available = expert.isFreeFor(visit, day);
					if (!available) {
						model.addBoolOr(new Literal[] { there.not(), date.getValue().not() });
						continue;
					}
					BoolVar works = model.newBoolVar(visit.getRequestId() + " " + expert.getId() + " " + day);
					model.addImplication(works, there);
					model.addImplication(works, date.getValue());
					model.addBoolOr(new Literal[] { there.not(), date.getValue().not(), works });
					Map<LocalDate, List<BoolVar>> days = occupiedDays.computeIfAbsent(expert, key -> new TreeMap<>());
					days.computeIfAbsent(day, key -> new ArrayList<>()).add(works);
					if (visit.isWholeWeekend()) {
						days.computeIfAbsent(day.plusDays(1), key -> new ArrayList<>()).add(works);
					}
					byWeekend.computeIfAbsent(expert, key -> new TreeMap<>())
						.computeIfAbsent(Visit.saturdayOf(day), key -> new ArrayList<>())
						.add(works);
				}
			}
		}

		for (Map.Entry<PlannedExpert, Map<LocalDate, List<BoolVar>>> entry : occupiedDays.entrySet()) {
			// In one place a day.
			for (List<BoolVar> visitsThatDay : entry.getValue().values()) {
				if (visitsThatDay.size() > 1) {
					model.addAtMostOne(visitsThatDay.toArray(new Literal[0]));
				}
			}
		}
		for (Map.Entry<PlannedExpert, Map<LocalDate, List<BoolVar>>> entry : byWeekend.entrySet()) {
			PlannedExpert expert = entry.getKey();
			Map<YearMonth, LinearExprBuilder> weekendsByMonth = new TreeMap<>();
			Map<LocalDate, BoolVar> workedWeekends = new TreeMap<>();
			for (Map.Entry<LocalDate, List<BoolVar>> weekend : entry.getValue().entrySet()) {
				String name = expert.getId() + " " + weekend.getKey();
				// Worked that weekend exactly when on at least one visit in it.
				BoolVar worked = model.newBoolVar(name + " worked");
				List<Literal> any = new ArrayList<>();
				for (BoolVar works : weekend.getValue()) {
					model.addImplication(works, worked);
					any.add(works);
				}
				any.add(worked.not());
				model.addBoolOr(any.toArray(new Literal[0]));
				weekendsByMonth.computeIfAbsent(YearMonth.from(weekend.getKey()), key -> LinearExpr.newBuilder()).add(worked);
				workedWeekends.put(weekend.getKey(), worked);
			}
			// Weekends per month, with those committed elsewhere.
			for (Map.Entry<YearMonth, LinearExprBuilder> month : weekendsByMonth.entrySet()) {
				model.addLessOrEqual(month.getValue().build(),
						expert.getMaxWeekendsPerMonth() - expert.weekendsCommittedIn(month.getKey()));
			}
			// Consecutive weekends: each pair of back-to-back weekends worked counts once.
			for (Map.Entry<LocalDate, BoolVar> weekend : workedWeekends.entrySet()) {
				BoolVar next = workedWeekends.get(weekend.getKey().plusWeeks(1));
				if (next == null || weights.consecutive() == 0) {
					continue;
				}
				BoolVar both = model.newBoolVar(expert.getId() + " " + weekend.getKey() + " consecutive");
				model.addImplication(both, weekend.getValue());
				model.addImplication(both, next);
				model.addBoolOr(new Literal[] { weekend.getValue().not(), next.not(), both });
				penalty.addTerm(both, weights.consecutive());
			}
		}

		// Phase 1: fill by priority.
		CpSolver solver = new CpSolver();
		solver.getParameters().setMaxTimeInSeconds(secondsPerPhase).setNumWorkers(workers).setRandomSeed(1)
			.setLinearizationLevel(fillOnly ? 2 : 1);
		LinearExpr mediumExpr = medium.build();
		model.minimize(mediumExpr);
		CpSolverStatus first = solver.solve(model);
		double mediumSeconds = solver.wallTime();
		if (first != CpSolverStatus.OPTIMAL && first != CpSolverStatus.FEASIBLE) {
			throw new IllegalStateException("CP-SAT found no plan: " + first);
		}
		long bestMedium = solver.value(mediumExpr);
		double mediumBound = solver.bestObjectiveBound();
		boolean mediumProven = first == CpSolverStatus.OPTIMAL;
		if (fillOnly) {
			return new Result(mediumProven, bestMedium, 0, mediumSeconds, 0, mediumBound, 0, first.toString());
		}

		// Phase 2: with that fill fixed, the best soft score, starting from the phase 1 plan.
		model.addEquality(mediumExpr, bestMedium);
		onDate.values().forEach(dates -> dates.values().forEach(y -> model.addHint(y, solver.booleanValue(y))));
		takes.values().forEach(choices -> choices.values().forEach(x -> model.addHint(x, solver.booleanValue(x))));
		model.clearObjective();
		LinearExpr penaltyExpr = penalty.build();
		model.minimize(penaltyExpr);
		CpSolver softSolver = new CpSolver();
		softSolver.getParameters().setMaxTimeInSeconds(secondsPerPhase).setNumWorkers(workers).setRandomSeed(1);
		CpSolverStatus second = softSolver.solve(model);
		if (second != CpSolverStatus.OPTIMAL && second != CpSolverStatus.FEASIBLE) {
			throw new IllegalStateException("CP-SAT lost the plan in the soft phase: " + second);
		}
		write(softSolver);
		return new Result(mediumProven && second == CpSolverStatus.OPTIMAL, bestMedium, softSolver.value(penaltyExpr),
				mediumSeconds, softSolver.wallTime(), mediumBound, softSolver.bestObjectiveBound(), first + "/" + second);
	}

	private void squaredLoadAndShortage(Map<PlannedExpert, LinearExprBuilder> load, Map<PlannedExpert, Integer> loadBound,
			Map<String, LinearExprBuilder> unfilledByCounty, LinearExprBuilder penalty) {
		// Squared load per expert.
		for (Map.Entry<PlannedExpert, LinearExprBuilder> entry : load.entrySet()) {
			int bound = loadBound.get(entry.getKey());
			IntVar visits = model.newIntVar(0, bound, entry.getKey().getId() + " load");
			model.addEquality(visits, entry.getValue().build());
			IntVar squared = model.newIntVar(0, (long) bound * bound, entry.getKey().getId() + " load²");
			model.addMultiplicationEquality(squared, visits, visits);
			penalty.addTerm(squared, weights.expertLoad());
		}

		// Squared shortage per county.
		Map<String, Integer> positionsByCounty = new HashMap<>();
		plan.getSlots().forEach(slot -> positionsByCounty.merge(slot.getVisit().getCountyId(), 1, Integer::sum));
		for (Map.Entry<String, LinearExprBuilder> entry : unfilledByCounty.entrySet()) {
			int bound = positionsByCounty.get(entry.getKey());
			IntVar unfilled = model.newIntVar(0, bound, entry.getKey() + " unfilled");
			model.addEquality(unfilled, entry.getValue().build());
			IntVar squared = model.newIntVar(0, (long) bound * bound, entry.getKey() + " unfilled²");
			model.addMultiplicationEquality(squared, unfilled, unfilled);
			penalty.addTerm(squared, weights.countyShortage());
		}
	}

	/**
	 * An upper bound on the priority-weighted positions any plan can fill, from a relaxation that forgets dates:
	 * each position takes at most one candidate, an expert at most one position per visit, and in all at most
	 * as many positions as they have free days and as twice their monthly weekends (one position a day, two days
	 * a weekend). Every feasible plan satisfies these, so the relaxation's optimum bounds the medium level.
	 *
	 * @return the bound and whether CP-SAT proved it (else its best bound is returned)
	 */
	public static long[] fillBound(WeekendPlan plan, double seconds, int workers) {
		Loader.loadNativeLibraries();
		CpModel model = new CpModel();
		LinearExprBuilder filled = LinearExpr.newBuilder();
		Map<PlannedExpert, LinearExprBuilder> load = new LinkedHashMap<>();
		Map<Visit, Map<PlannedExpert, LinearExprBuilder>> onVisit = new LinkedHashMap<>();
		for (SeatSlot slot : plan.getSlots()) {
			List<Literal> choices = new ArrayList<>();
			for (PlannedExpert expert : new LinkedHashSet<>(slot.getCandidates())) {
				BoolVar x = model.newBoolVar("");
				choices.add(x);
				filled.addTerm(x, slot.getVisit().getPriorityWeight());
				load.computeIfAbsent(expert, key -> LinearExpr.newBuilder()).add(x);
				onVisit.computeIfAbsent(slot.getVisit(), key -> new LinkedHashMap<>())
					.computeIfAbsent(expert, key -> LinearExpr.newBuilder()).add(x);
			}
			if (choices.size() > 1) {
				model.addAtMostOne(choices.toArray(new Literal[0]));
			}
		}
		onVisit.values().forEach(byExpert -> byExpert.values().forEach(sum -> model.addLessOrEqual(sum.build(), 1)));
		load.forEach((expert, sum) -> {
			long weekends = expert.getAvailableDates().stream().map(Visit::saturdayOf).distinct().count();
			long capacity = Math.min(expert.getAvailableDates().size(), 2 * Math.min(weekends, expert.getMaxWeekendsPerMonth()));
			model.addLessOrEqual(sum.build(), capacity);
		});
		model.maximize(filled.build());
		CpSolver solver = new CpSolver();
		solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(workers).setRandomSeed(1);
		CpSolverStatus status = solver.solve(model);
		return new long[] { (long) Math.floor(solver.bestObjectiveBound() + 1e-6), status == CpSolverStatus.OPTIMAL ? 1 : 0 };
	}

	private void write(CpSolver solver) {
		for (Visit visit : plan.getVisits()) {
			onDate.get(visit).forEach((date, y) -> {
				if (solver.booleanValue(y)) {
					visit.setDate(date);
				}
			});
		}
		for (SeatSlot slot : plan.getSlots()) {
			slot.setDate(slot.getVisit().getDate());
			slot.setExpert(null);
			takes.get(slot).forEach((expert, x) -> {
				if (solver.booleanValue(x)) {
					slot.setExpert(expert);
				}
			});
		}
	}

	/** As WeekendConstraints.preferenceMisses: a county and a category preference each count once. */
	static int preferenceMisses(SeatSlot slot, PlannedExpert expert) {
		int misses = 0;
		if (!expert.getPreferredCountyIds().isEmpty()
				&& !expert.getPreferredCountyIds().contains(slot.getVisit().getCountyId())) {
			misses++;
		}
		if (!expert.getPreferredCategories().isEmpty()
				&& !expert.getPreferredCategories().contains(slot.getVisit().getCategory())) {
			misses++;
		}
		return misses;
	}

}
