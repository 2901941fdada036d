package cn.talentexchange.planning.domain;

import java.util.Objects;

import org.optaplanner.core.api.domain.variable.VariableListener;
import org.optaplanner.core.api.score.director.ScoreDirector;

/** Copies a visit's date to its seat slots, telling the score director so incremental scores stay right. */
public class VisitDateListener implements VariableListener<WeekendPlan, Visit> {

	@Override
	public void beforeEntityAdded(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		// nothing before the visit exists
	}

	@Override
	public void afterEntityAdded(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		copyDate(scoreDirector, visit);
	}

	@Override
	public void beforeVariableChanged(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		// the new date is not known yet
	}

	@Override
	public void afterVariableChanged(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		copyDate(scoreDirector, visit);
	}

	@Override
	public void beforeEntityRemoved(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		// slots go with their visit
	}

	@Override
	public void afterEntityRemoved(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		// slots go with their visit
	}

	private static void copyDate(ScoreDirector<WeekendPlan> scoreDirector, Visit visit) {
		for (SeatSlot slot : visit.getSlots()) {
			if (!Objects.equals(slot.getDate(), visit.getDate())) {
				scoreDirector.beforeVariableChanged(slot, "date");
				slot.setDate(visit.getDate());
				scoreDirector.afterVariableChanged(slot, "date");
			}
		}
	}

}
