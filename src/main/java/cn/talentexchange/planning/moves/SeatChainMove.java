package cn.talentexchange.planning.moves;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives several seat slots new experts (or none) in one step, dates unchanged: an expert moved to a seat only they
 * can fill and their old seat handed to someone else, which no single change or swap can do without passing
 * through a plan that breaks a hard rule. Each slot appears once.
 */
public final class SeatChainMove extends AbstractMove<WeekendPlan> {

	private final List<SeatSlot> slots;

	private final List<PlannedExpert> toExperts;

	public SeatChainMove(List<SeatSlot> slots, List<PlannedExpert> toExperts) {
		this.slots = slots;
		this.toExperts = toExperts;
	}

	@Override
	public boolean isMoveDoable(ScoreDirector<WeekendPlan> scoreDirector) {
		for (int index = 0; index < slots.size(); index++) {
			if (slots.get(index).getExpert() != toExperts.get(index)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected SeatChainMove createUndoMove(ScoreDirector<WeekendPlan> scoreDirector) {
		List<PlannedExpert> fromExperts = new ArrayList<>(slots.size());
		slots.forEach(slot -> fromExperts.add(slot.getExpert()));
		return new SeatChainMove(slots, fromExperts);
	}

	@Override
	protected void doMoveOnGenuineVariables(ScoreDirector<WeekendPlan> scoreDirector) {
		for (int index = 0; index < slots.size(); index++) {
			SeatSlot slot = slots.get(index);
			PlannedExpert expert = toExperts.get(index);
			if (slot.getExpert() != expert) {
				scoreDirector.beforeVariableChanged(slot, "expert");
				slot.setExpert(expert);
				scoreDirector.afterVariableChanged(slot, "expert");
			}
		}
	}

	@Override
	public SeatChainMove rebase(ScoreDirector<WeekendPlan> destination) {
		List<PlannedExpert> experts = new ArrayList<>(toExperts.size());
		toExperts.forEach(expert -> experts.add(expert == null ? null : destination.lookUpWorkingObject(expert)));
		return new SeatChainMove(rebaseList(slots, destination), experts);
	}

	@Override
	public String getSimpleMoveTypeDescription() {
		return "SeatChainMove(SeatSlot.expert)";
	}

	@Override
	public List<SeatSlot> getPlanningEntities() {
		return slots;
	}

	@Override
	public List<PlannedExpert> getPlanningValues() {
		return toExperts.stream().filter(Objects::nonNull).toList();
	}

	@Override
	public String toString() {
		return slots + " -> " + toExperts;
	}

}
