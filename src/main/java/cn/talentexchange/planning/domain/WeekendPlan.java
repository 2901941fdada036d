package cn.talentexchange.planning.domain;

import java.util.List;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The weekend planning problem and, once solved, its answer: visits on dates, experts in seats. */
@PlanningSolution
public class WeekendPlan {

	@ProblemFactCollectionProperty
	private List<PlannedExpert> experts;

	@PlanningEntityCollectionProperty
	private List<Visit> visits;

	@PlanningEntityCollectionProperty
	private List<SeatSlot> slots;

	@ConstraintConfigurationProvider
	private WeekendWeights weights;

	@PlanningScore
	private HardMediumSoftLongScore score;

	WeekendPlan() {
		// for the solver's cloning
	}

	public WeekendPlan(List<PlannedExpert> experts, List<Visit> visits, List<SeatSlot> slots, WeekendWeights weights) {
		this.experts = experts;
		this.visits = visits;
		this.slots = slots;
		this.weights = weights;
	}

	public List<PlannedExpert> getExperts() {
		return experts;
	}

	public List<Visit> getVisits() {
		return visits;
	}

	public List<SeatSlot> getSlots() {
		return slots;
	}

	public WeekendWeights getWeights() {
		return weights;
	}

	public HardMediumSoftLongScore getScore() {
		return score;
	}

	public void setScore(HardMediumSoftLongScore score) {
		this.score = score;
	}

}
