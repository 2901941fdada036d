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

	private final Staffing staffing;

	public VisitRescheduleMove(Visit visit, LocalDate toDate, List<SeatSlot> slots, List<PlannedExpert> toExperts) {
		this(visit, toDate, new Staffing(slots, toExperts));
	}

	private VisitRescheduleMove(Visit visit, LocalDate toDate, Staffing staffing) {
		this.visit = visit;
		this.toDate = toDate;
		this.staffing = staffing;
	}

	@Override
	public boolean isMoveDoable(ScoreDirector<WeekendPlan> scoreDirector) {
		return !Objects.equals(visit.getDate(), toDate) || staffing.changesAnything();
	}

	@Override
	protected VisitRescheduleMove createUndoMove(ScoreDirector<WeekendPlan> scoreDirector) {
		return new VisitRescheduleMove(visit, visit.getDate(), staffing.current());
	}

	@Override
	protected void doMoveOnGenuineVariables(ScoreDirector<WeekendPlan> scoreDirector) {
		if (!Objects.equals(visit.getDate(), toDate)) {
			scoreDirector.beforeVariableChanged(visit, "date");
			visit.setDate(toDate);
			scoreDirector.afterVariableChanged(visit, "date");
		}
		staffing.apply(scoreDirector);
	}

	@Override
	public VisitRescheduleMove rebase(ScoreDirector<WeekendPlan> destination) {
		return new VisitRescheduleMove(destination.lookUpWorkingObject(visit), toDate, staffing.rebase(destination));
	}

	@Override
	public String getSimpleMoveTypeDescription() {
		return "VisitRescheduleMove(Visit.date, SeatSlot.expert)";
	}

	@Override
	public List<Object> getPlanningEntities() {
		List<Object> entities = new ArrayList<>(staffing.slots().size() + 1);
		entities.add(visit);
		entities.addAll(staffing.slots());
		return entities;
	}

	@Override
	public List<Object> getPlanningValues() {
		List<Object> values = new ArrayList<>(staffing.experts().size() + 1);
		values.add(toDate);
		values.addAll(staffing.assigned());
		return values;
	}

	@Override
	public String toString() {
		return visit.getRequestId() + " {" + visit.getDate() + " -> " + toDate + "} " + staffing;
	}

}
