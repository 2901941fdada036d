package cn.talentexchange.planning.moves;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;

/**
 * Who goes on which seat slot in a compound move: the part the chain and reschedule moves share. Each slot appears
 * once; a null expert empties its slot.
 */
record Staffing(List<SeatSlot> slots, List<PlannedExpert> experts) {

	/** Whether any slot would get another expert than it has. */
	boolean changesAnything() {
		for (int index = 0; index < slots.size(); index++) {
			if (slots.get(index).getExpert() != experts.get(index)) {
				return true;
			}
		}
		return false;
	}

	/** The slots as they are staffed now: what undoes this. */
	Staffing current() {
		List<PlannedExpert> now = new ArrayList<>(slots.size());
		slots.forEach(slot -> now.add(slot.getExpert()));
		return new Staffing(slots, now);
	}

	void apply(ScoreDirector<WeekendPlan> scoreDirector) {
		for (int index = 0; index < slots.size(); index++) {
			SeatSlot slot = slots.get(index);
			PlannedExpert expert = experts.get(index);
			if (slot.getExpert() != expert) {
				scoreDirector.beforeVariableChanged(slot, "expert");
				slot.setExpert(expert);
				scoreDirector.afterVariableChanged(slot, "expert");
			}
		}
	}

	Staffing rebase(ScoreDirector<WeekendPlan> destination) {
		return new Staffing(slots.stream().map(destination::lookUpWorkingObject).toList(),
				experts.stream().map(expert -> expert == null ? null : destination.lookUpWorkingObject(expert)).toList());
	}

	/** The experts the move puts on slots, for OptaPlanner's tabu and statistics. */
	List<PlannedExpert> assigned() {
		return experts.stream().filter(Objects::nonNull).toList();
	}

	@Override
	public String toString() {
		return slots + " -> " + experts;
	}

}
