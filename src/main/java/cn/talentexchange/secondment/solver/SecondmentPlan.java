package cn.talentexchange.secondment.solver;

import java.util.List;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.solution.ProblemFactProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The secondment matching problem: post positions get candidates (or none). */
@PlanningSolution
public class SecondmentPlan {

	@ProblemFactCollectionProperty
	private List<CandidateFact> candidates;

	@ProblemFactCollectionProperty
	private List<OrganisationAway> away;

	@ProblemFactCollectionProperty
	private List<PairingBalance> balances;

	@ProblemFactProperty
	private SecondmentRules rules;

	@ConstraintConfigurationProvider
	private SecondmentConstraintWeights weights;

	@PlanningEntityCollectionProperty
	private List<PositionSlot> slots;

	@PlanningScore
	private HardMediumSoftLongScore score;

	SecondmentPlan() {
		// for the solver's cloning
	}

	public SecondmentPlan(List<CandidateFact> candidates, List<OrganisationAway> away, List<PairingBalance> balances,
			SecondmentRules rules, SecondmentConstraintWeights weights, List<PositionSlot> slots) {
		this.weights = weights;
		this.candidates = candidates;
		this.away = away;
		this.balances = balances;
		this.rules = rules;
		this.slots = slots;
	}

	public List<CandidateFact> getCandidates() {
		return candidates;
	}

	public List<OrganisationAway> getAway() {
		return away;
	}

	public List<PairingBalance> getBalances() {
		return balances;
	}

	public SecondmentRules getRules() {
		return rules;
	}

	public SecondmentConstraintWeights getWeights() {
		return weights;
	}

	public List<PositionSlot> getSlots() {
		return slots;
	}

	public HardMediumSoftLongScore getScore() {
		return score;
	}

	public void setScore(HardMediumSoftLongScore score) {
		this.score = score;
	}

}
