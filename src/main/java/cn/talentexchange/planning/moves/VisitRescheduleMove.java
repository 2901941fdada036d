package cn.talentexchange.planning.moves;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Puts a visit on a date and, in the same move, changes the experts of some seat slots: its own (experts who
 * cannot come that day replaced, empty positions filled) and, where needed, slots of other visits whose expert it
 * takes. One step of the local search can so move a staffed visit to another weekend, which single-variable moves
 * cannot do without passing through a plan that breaks a hard rule.
 */
public final class VisitRescheduleMove extends AbstractMove<WeekendPlan> {

	private final Visit visit;

	private final LocalDate toDate;

	private final List<SeatSlot> slots;

	private final List<PlannedExpert> toExperts;

	public VisitRescheduleMove(Visit visit, LocalDate toDate, List<SeatSlot> slots, List<PlannedExpert> toExperts) {
		this.visit = visit;
		this.toDate = toDate;
		this.slots = slots;
		this.toExperts = toExperts;
	}

	@Override
	public boolean isMoveDoable(ScoreDirector<WeekendPlan> scoreDirector) {
		if (!Objects.equals(visit.getDate(), toDate)) {
			return true;
		}
		for (int index = 0; index < slots.size(); index++) {
			if (slots.get(index).getExpert() != toExperts.get(index)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected VisitRescheduleMove createUndoMove(ScoreDirector<WeekendPlan> scoreDirector) {
		List<PlannedExpert> fromExperts = new ArrayList<>(slots.size());
		slots.forEach(slot -> fromExperts.add(slot.getExpert()));
		return new VisitRescheduleMove(visit, visit.getDate(), slots, fromExperts);
	}

	@Override
	protected void doMoveOnGenuineVariables(ScoreDirector<WeekendPlan> scoreDirector) {
		if (!Objects.equals(visit.getDate(), toDate)) {
			scoreDirector.beforeVariableChanged(visit, "date");
			visit.setDate(toDate);
			scoreDirector.afterVariableChanged(visit, "date");
		}
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
	public VisitRescheduleMove rebase(ScoreDirector<WeekendPlan> destination) {
		List<PlannedExpert> experts = new ArrayList<>(toExperts.size());
		toExperts.forEach(expert -> experts.add(expert == null ? null : destination.lookUpWorkingObject(expert)));
		return new VisitRescheduleMove(destination.lookUpWorkingObject(visit), toDate, rebaseList(slots, destination),
				experts);
	}

	@Override
	public String getSimpleMoveTypeDescription() {
		return "VisitRescheduleMove(Visit.date, SeatSlot.expert)";
	}

	@Override
	public List<Object> getPlanningEntities() {
		List<Object> entities = new ArrayList<>(slots.size() + 1);
		entities.add(visit);
		entities.addAll(slots);
		return entities;
	}

	@Override
	public List<Object> getPlanningValues() {
		List<Object> values = new ArrayList<>(toExperts.size() + 1);
		values.add(toDate);
		toExperts.stream().filter(Objects::nonNull).forEach(values::add);
		return values;
	}

	@Override
	public String toString() {
		return visit.getRequestId() + " {" + visit.getDate() + " -> " + toDate + "} " + slots + " -> " + toExperts;
	}

}
