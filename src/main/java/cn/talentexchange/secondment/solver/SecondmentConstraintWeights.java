package cn.talentexchange.secondment.solver;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The soft rules' weights for one run, from {@link SecondmentWeights}; the hard and medium rules are fixed. */
@ConstraintConfiguration
public class SecondmentConstraintWeights {

	@ConstraintWeight(SecondmentConstraints.RECIPROCITY)
	private HardMediumSoftLongScore reciprocity;

	@ConstraintWeight(SecondmentConstraints.RECIPROCITY_EVENED)
	private HardMediumSoftLongScore reciprocityEvened;

	@ConstraintWeight(SecondmentConstraints.OTHER_PAIRING)
	private HardMediumSoftLongScore otherPairing;

	@ConstraintWeight(SecondmentConstraints.PREFERENCE)
	private HardMediumSoftLongScore preference;

	@ConstraintWeight(SecondmentConstraints.CONTINUITY)
	private HardMediumSoftLongScore continuity;

	SecondmentConstraintWeights() {
		this(SecondmentWeights.DEFAULTS);
	}

	public SecondmentConstraintWeights(SecondmentWeights weights) {
		reciprocity = HardMediumSoftLongScore.ofSoft(weights.reciprocity());
		reciprocityEvened = HardMediumSoftLongScore.ofSoft(weights.reciprocity());
		otherPairing = HardMediumSoftLongScore.ofSoft(weights.otherPairing());
		preference = HardMediumSoftLongScore.ofSoft(weights.preference());
		continuity = HardMediumSoftLongScore.ofSoft(weights.continuity());
	}

}
