package cn.talentexchange.planning.moves;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Local search moves that reschedule a visit with its people: a random movable visit goes to a random acceptable
 * date (possibly the one it has), keeps the experts who can still come (or, half the time, staffs it afresh in a
 * random order of its positions), and for every other position takes a
 * candidate who is free that day (tried from a random point of the slot's nearest-first list) or, failing that, one
 * whose clashing slots (that day, or one other weekend of the month when the cap is in the way) belong to visits of
 * no higher priority, which then lose that expert to a candidate who is free for them, or stay empty when there is
 * none. The score decides
 * whether the move is taken; the hard rules are only used here to avoid proposing moves that would break them.
 *
 * <p>Where experts are is read from the {@link ExpertCalendar} of the working solution (indexed once per
 * solution), so a move always sees the working solution as it stands.
 */
public final class VisitRescheduleMoveFactory implements MoveIteratorFactory<WeekendPlan, VisitRescheduleMove> {

	/** The solution the indexes below were built for; they only depend on problem facts and value ranges. */
	private WeekendPlan indexedPlan;

	private List<Visit> movable;

	private ExpertCalendar calendar;

	@Override
	public void phaseStarted(ScoreDirector<WeekendPlan> scoreDirector) {
		index(scoreDirector.getWorkingSolution());
	}

	@Override
	public long getSize(ScoreDirector<WeekendPlan> scoreDirector) {
		return index(scoreDirector.getWorkingSolution()).movable.stream()
			.mapToLong(visit -> visit.getAcceptableDates().size())
			.sum();
	}

	@Override
	public Iterator<VisitRescheduleMove> createOriginalMoveIterator(ScoreDirector<WeekendPlan> scoreDirector) {
		Planner planner = new Planner(index(scoreDirector.getWorkingSolution()).calendar, new Random(0));
		List<Visit> visits = movable;
		return new Iterator<>() {

			private int visitIndex;

			private int dateIndex;

			@Override
			public boolean hasNext() {
				return visitIndex < visits.size();
			}

			@Override
			public VisitRescheduleMove next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				Visit visit = visits.get(visitIndex);
				VisitRescheduleMove move = planner.plan(visit, visit.getAcceptableDates().get(dateIndex));
				if (++dateIndex == visit.getAcceptableDates().size()) {
					dateIndex = 0;
					visitIndex++;
				}
				return move;
			}

		};
	}

	@Override
	public Iterator<VisitRescheduleMove> createRandomMoveIterator(ScoreDirector<WeekendPlan> scoreDirector,
			Random workingRandom) {
		Planner planner = new Planner(index(scoreDirector.getWorkingSolution()).calendar, workingRandom);
		List<Visit> visits = movable;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return !visits.isEmpty();
			}

			@Override
			public VisitRescheduleMove next() {
				if (visits.isEmpty()) {
					throw new NoSuchElementException();
				}
				Visit visit = visits.get(workingRandom.nextInt(visits.size()));
				List<LocalDate> dates = visit.getAcceptableDates();
				return planner.plan(visit, dates.get(workingRandom.nextInt(dates.size())));
			}

		};
	}

	private VisitRescheduleMoveFactory index(WeekendPlan plan) {
		if (plan != indexedPlan) {
			movable = plan.getVisits().stream().filter(visit -> !visit.isPinned()).toList();
			calendar = new ExpertCalendar(plan);
			indexedPlan = plan;
		}
		return this;
	}

	/** Builds moves against the working solution as it stands. */
	static final class Planner {

		private final ExpertCalendar calendar;

		private final Random random;

		Planner(ExpertCalendar calendar, Random random) {
			this.calendar = calendar;
			this.random = random;
		}

		VisitRescheduleMove plan(Visit visit, LocalDate date) {
			List<SeatSlot> slots = new ArrayList<>();
			List<PlannedExpert> experts = new ArrayList<>();
			Set<PlannedExpert> onVisit = new HashSet<>();
			List<SeatSlot> toStaff = new ArrayList<>();
			// Half the time the visit is staffed afresh, so experts can also change seats within it.
			boolean afresh = random.nextBoolean();
			for (SeatSlot slot : visit.getSlots()) {
				PlannedExpert expert = slot.getExpert();
				if (slot.isPinned()) {
					if (expert != null) {
						onVisit.add(expert);
					}
				}
				else if (!afresh && expert != null && !onVisit.contains(expert) && canCome(expert, visit, date)
						&& calendar.clashes(expert, visit, date).isEmpty() && calendar.underCap(expert, visit, date)) {
					onVisit.add(expert);
				}
				else {
					toStaff.add(slot);
				}
			}
			if (afresh) {
				Collections.shuffle(toStaff, random);
			}
			Set<SeatSlot> ejected = new HashSet<>();
			for (SeatSlot slot : toStaff) {
				PlannedExpert chosen = pick(slot, visit, date, onVisit, ejected, slots, experts);
				if (chosen != null) {
					onVisit.add(chosen);
				}
				slots.add(slot);
				experts.add(chosen);
			}
			return new VisitRescheduleMove(visit, date, slots, experts);
		}

		/** A free candidate if there is one, else one whose clashing slots can give the expert up. */
		private PlannedExpert pick(SeatSlot slot, Visit visit, LocalDate date, Set<PlannedExpert> onVisit,
				Set<SeatSlot> ejected, List<SeatSlot> slots, List<PlannedExpert> experts) {
			List<PlannedExpert> candidates = slot.getCandidates();
			if (candidates.isEmpty()) {
				return null;
			}
			int start = random.nextInt(candidates.size());
			PlannedExpert fallback = null;
			List<SeatSlot> fallbackClashes = null;
			for (int offset = 0; offset < candidates.size(); offset++) {
				PlannedExpert expert = candidates.get((start + offset) % candidates.size());
				if (onVisit.contains(expert) || !canCome(expert, visit, date)) {
					continue;
				}
				List<SeatSlot> clashes = calendar.clashes(expert, visit, date);
				if (clashes.isEmpty() && calendar.underCap(expert, visit, date)) {
					return expert;
				}
				// What the expert would leave: the slots sharing the day (same weekend, so no new weekend for the cap),
				// or, when it is the cap that is in the way, their slots of one other weekend.
				List<SeatSlot> blockers = clashes.isEmpty() ? calendar.weekendToGiveUp(expert, visit, date) : clashes;
				if (fallback == null && blockers != null && blockers.stream().allMatch(clash -> !clash.isPinned()
						&& !ejected.contains(clash) && clash.getVisit().getPriorityWeight() <= visit.getPriorityWeight())) {
					fallback = expert;
					fallbackClashes = blockers;
				}
			}
			if (fallback != null) {
				for (SeatSlot clash : fallbackClashes) {
					ejected.add(clash);
					slots.add(clash);
					PlannedExpert successor = handOn(clash, fallback, onVisit, experts);
					experts.add(successor);
					if (successor != null) {
						// taken by this move: no later position of the visit may pick them too
						onVisit.add(successor);
					}
				}
			}
			return fallback;
		}

		/** A candidate free to take over a slot the move takes an expert from, if there is one; else null. */
		private PlannedExpert handOn(SeatSlot clash, PlannedExpert leaving, Set<PlannedExpert> onVisit,
				List<PlannedExpert> experts) {
			List<PlannedExpert> candidates = clash.getCandidates();
			int start = random.nextInt(candidates.size());
			for (int offset = 0; offset < candidates.size(); offset++) {
				PlannedExpert expert = candidates.get((start + offset) % candidates.size());
				if (expert != leaving && !onVisit.contains(expert) && !experts.contains(expert)
						&& calendar.isFreeFor(expert, clash)) {
					return expert;
				}
			}
			return null;
		}

		private static boolean canCome(PlannedExpert expert, Visit visit, LocalDate date) {
			return expert.isFreeFor(visit, date);
		}

	}

}
