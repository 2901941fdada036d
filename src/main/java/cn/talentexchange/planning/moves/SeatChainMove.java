package cn.talentexchange.planning.moves;

import java.util.List;

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

	private final Staffing staffing;

	public SeatChainMove(List<SeatSlot> slots, List<PlannedExpert> toExperts) {
		this(new Staffing(slots, toExperts));
	}

	private SeatChainMove(Staffing staffing) {
		this.staffing = staffing;
	}

	@Override
	public boolean isMoveDoable(ScoreDirector<WeekendPlan> scoreDirector) {
		return staffing.changesAnything();
	}

	@Override
	protected SeatChainMove createUndoMove(ScoreDirector<WeekendPlan> scoreDirector) {
		return new SeatChainMove(staffing.current());
	}

	@Override
	protected void doMoveOnGenuineVariables(ScoreDirector<WeekendPlan> scoreDirector) {
		staffing.apply(scoreDirector);
	}

	@Override
	public SeatChainMove rebase(ScoreDirector<WeekendPlan> destination) {
		return new SeatChainMove(staffing.rebase(destination));
	}

	@Override
	public String getSimpleMoveTypeDescription() {
		return "SeatChainMove(SeatSlot.expert)";
	}

	@Override
	public List<SeatSlot> getPlanningEntities() {
		return staffing.slots();
	}

	@Override
	public List<PlannedExpert> getPlanningValues() {
		return staffing.assigned();
	}

	@Override
	public String toString() {
		return staffing.toString();
	}

}
