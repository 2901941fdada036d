package cn.talentexchange.planning.moves;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Ejection chains for the seats a plan leaves empty: an empty slot (a filled one when none is left) takes a candidate X (tried
 * from a random point of its list) who is free that day; whatever X must leave for it (a seat on the same day, or
 * every seat of one other weekend when the monthly cap is in the way) is handed to another candidate who is free,
 * or to one who in turn leaves a single seat to a free candidate. Chains that refill every seat they empty are
 * preferred; failing those, a seat nobody can take is left empty, and the score decides whether the trade is
 * worth it. This is how a scarce expert spent on a common seat gets to the seat
 * only they can fill.
 */
public final class SeatChainMoveFactory implements MoveIteratorFactory<WeekendPlan, SeatChainMove> {

	/** Candidates who could take the target tried before settling for a chain that leaves a seat empty. */
	static final int FIRST_LINK_TRIES = 8;

	/** Candidates tried as the middle link of a longer chain, per seat to refill. */
	static final int SECOND_LINK_TRIES = 8;

	private WeekendPlan indexedPlan;

	private List<SeatSlot> targets;

	private ExpertCalendar calendar;

	@Override
	public void phaseStarted(ScoreDirector<WeekendPlan> scoreDirector) {
		index(scoreDirector.getWorkingSolution());
	}

	@Override
	public long getSize(ScoreDirector<WeekendPlan> scoreDirector) {
		return index(scoreDirector.getWorkingSolution()).targets.stream().mapToLong(slot -> slot.getCandidates().size())
			.sum();
	}

	@Override
	public Iterator<SeatChainMove> createOriginalMoveIterator(ScoreDirector<WeekendPlan> scoreDirector) {
		Chainer chainer = new Chainer(index(scoreDirector.getWorkingSolution()).calendar, new Random(0));
		List<SeatSlot> slots = targets;
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return next < slots.size();
			}

			@Override
			public SeatChainMove next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return chainer.chainTo(slots.get(next++));
			}

		};
	}

	@Override
	public Iterator<SeatChainMove> createRandomMoveIterator(ScoreDirector<WeekendPlan> scoreDirector,
			Random workingRandom) {
		Chainer chainer = new Chainer(index(scoreDirector.getWorkingSolution()).calendar, workingRandom);
		List<SeatSlot> slots = targets;
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return !slots.isEmpty();
			}

			@Override
			public SeatChainMove next() {
				if (slots.isEmpty()) {
					throw new NoSuchElementException();
				}
				// The first empty slot from a random point on: a scan costs far less than one score calculation.
				int start = workingRandom.nextInt(slots.size());
				SeatSlot target = slots.get(start);
				for (int offset = 1; offset < slots.size() && target.getExpert() != null; offset++) {
					target = slots.get((start + offset) % slots.size());
				}
				return chainer.chainTo(target.getExpert() == null ? target : slots.get(start));
			}

		};
	}

	private SeatChainMoveFactory index(WeekendPlan plan) {
		if (plan != indexedPlan) {
			targets = plan.getSlots().stream().filter(slot -> !slot.isPinned() && !slot.getCandidates().isEmpty()).toList();
			calendar = new ExpertCalendar(plan);
			indexedPlan = plan;
		}
		return this;
	}

	/** Builds chains against the working solution as it stands. */
	static final class Chainer {

		private final ExpertCalendar calendar;

		private final Random random;

		Chainer(ExpertCalendar calendar, Random random) {
			this.calendar = calendar;
			this.random = random;
		}

		/** The first chain that refills every seat it empties; failing that, the first one found at all. */
		SeatChainMove chainTo(SeatSlot target) {
			SeatChainMove partial = null;
			int tried = 0;
			List<PlannedExpert> candidates = target.getCandidates();
			int start = random.nextInt(candidates.size());
			for (int offset = 0; offset < candidates.size() && tried < FIRST_LINK_TRIES; offset++) {
				PlannedExpert expert = candidates.get((start + offset) % candidates.size());
				List<SeatSlot> slots = new ArrayList<>();
				List<PlannedExpert> experts = new ArrayList<>();
				List<SeatSlot> left = expert == target.getExpert() ? null : toLeave(expert, target, slots, experts);
				if (left == null) {
					continue;
				}
				tried++;
				slots.add(target);
				experts.add(expert);
				for (SeatSlot seat : left) {
					slots.add(seat);
					experts.add(null);
				}
				boolean complete = true;
				for (SeatSlot seat : left) {
					complete &= refill(seat, slots, experts);
				}
				if (complete) {
					return new SeatChainMove(slots, experts);
				}
				if (partial == null) {
					partial = new SeatChainMove(slots, experts);
				}
			}
			return partial != null ? partial : new SeatChainMove(List.of(), List.of());
		}

		/**
		 * The slots the expert must leave to take this one (none if they are free), or null when they cannot take it:
		 * not free that day, already on the visit or in this move, or held by a pinned or already moved slot.
		 */
		private List<SeatSlot> toLeave(PlannedExpert expert, SeatSlot slot, List<SeatSlot> slots,
				List<PlannedExpert> experts) {
			Visit visit = slot.getVisit();
			LocalDate date = slot.getDate();
			if (date == null || !expert.isFreeFor(visit, date) || experts.contains(expert)
					|| ExpertCalendar.isOnVisit(expert, visit)) {
				return null;
			}
			List<SeatSlot> weekend = calendar.weekendToGiveUp(expert, visit, date);
			if (weekend == null) {
				return null;
			}
			List<SeatSlot> left = new ArrayList<>(calendar.clashes(expert, visit, date));
			weekend.stream().filter(seat -> !left.contains(seat)).forEach(left::add);
			for (SeatSlot seat : left) {
				if (seat.isPinned() || slots.contains(seat)) {
					return null;
				}
			}
			return left;
		}

		/**
		 * Hands a seat left in this move to a free candidate, else through one more link, else leaves it empty.
		 *
		 * @return whether the seat was handed on
		 */
		private boolean refill(SeatSlot seat, List<SeatSlot> slots, List<PlannedExpert> experts) {
			List<PlannedExpert> candidates = seat.getCandidates();
			int start = random.nextInt(candidates.size());
			int secondLinks = 0;
			PlannedExpert middle = null;
			SeatSlot middleSeat = null;
			PlannedExpert last = null;
			for (int offset = 0; offset < candidates.size(); offset++) {
				PlannedExpert expert = candidates.get((start + offset) % candidates.size());
				List<SeatSlot> left = toLeave(expert, seat, slots, experts);
				if (left == null) {
					continue;
				}
				if (left.isEmpty()) {
					experts.set(slots.indexOf(seat), expert);
					return true;
				}
				if (middle == null && left.size() == 1 && secondLinks < SECOND_LINK_TRIES) {
					secondLinks++;
					PlannedExpert free = freeCandidate(left.get(0), expert, slots, experts);
					if (free != null) {
						middle = expert;
						middleSeat = left.get(0);
						last = free;
					}
				}
			}
			if (middle == null) {
				return false;
			}
			experts.set(slots.indexOf(seat), middle);
			slots.add(middleSeat);
			experts.add(last);
			return true;
		}

		/** A candidate free to take the seat as things stand, other than the expert about to leave it. */
		private PlannedExpert freeCandidate(SeatSlot seat, PlannedExpert leaving, List<SeatSlot> slots,
				List<PlannedExpert> experts) {
			List<PlannedExpert> candidates = seat.getCandidates();
			int start = random.nextInt(candidates.size());
			for (int offset = 0; offset < candidates.size(); offset++) {
				PlannedExpert expert = candidates.get((start + offset) % candidates.size());
				if (expert != leaving) {
					List<SeatSlot> left = toLeave(expert, seat, slots, experts);
					if (left != null && left.isEmpty()) {
						return expert;
					}
				}
			}
			return null;
		}

	}

}
