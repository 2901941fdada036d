package cn.talentexchange.planning.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weight of every rule. Hard and medium rules are fixed; soft weights come from the coordination
 * office's settings ({@link SoftWeights}) and are read at the start of each run.
 */
@ConstraintConfiguration
public class WeekendWeights {

	public static final String SKILL = "Expert lacks the skill level";
	public static final String UNAVAILABLE = "Expert not available that day";
	public static final String DOUBLE_BOOKED = "Expert in two places at once";
	public static final String TWICE_ON_VISIT = "Expert twice on one visit";
	public static final String MONTHLY_CAP = "Over the expert's weekends per month";
	public static final String TOO_FAR = "Travel beyond the expert's limit";
	public static final String DECLINED = "Expert declined this request before";
	public static final String CONFLICT = "Conflict of interest";
	public static final String UNFILLED = "Unfilled seat";
	public static final String OUTSIDE_PAIRING = "Expert from outside the county's pairing";
	public static final String CONTINUITY = "Same expert returns for a follow-up";
	public static final String EXPERT_LOAD = "Uneven load between experts";
	public static final String COUNTY_SHORTAGE = "Shortage piled on one county";
	public static final String TRAVEL = "Travel time";
	public static final String OVER_QUALIFIED = "Over-qualified expert";
	public static final String CONSECUTIVE = "Consecutive weekends for one expert";
	public static final String PREFERENCES = "Outside the expert's preferences";
	public static final String STABILITY = "Offered expert moved";
	public static final String SHARED_TRAVEL = "Colleagues travel together";
	public static final String TRACK_RECORD = "Past results on this kind of problem";

	@ConstraintWeight(SKILL)
	private HardMediumSoftLongScore skill = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(UNAVAILABLE)
	private HardMediumSoftLongScore unavailable = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(DOUBLE_BOOKED)
	private HardMediumSoftLongScore doubleBooked = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(TWICE_ON_VISIT)
	private HardMediumSoftLongScore twiceOnVisit = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(MONTHLY_CAP)
	private HardMediumSoftLongScore monthlyCap = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(TOO_FAR)
	private HardMediumSoftLongScore tooFar = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(DECLINED)
	private HardMediumSoftLongScore declined = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(CONFLICT)
	private HardMediumSoftLongScore conflict = HardMediumSoftLongScore.ONE_HARD;

	@ConstraintWeight(UNFILLED)
	private HardMediumSoftLongScore unfilled = HardMediumSoftLongScore.ONE_MEDIUM;

	@ConstraintWeight(OUTSIDE_PAIRING)
	private HardMediumSoftLongScore outsidePairing;

	@ConstraintWeight(CONTINUITY)
	private HardMediumSoftLongScore continuity;

	@ConstraintWeight(EXPERT_LOAD)
	private HardMediumSoftLongScore expertLoad;

	@ConstraintWeight(COUNTY_SHORTAGE)
	private HardMediumSoftLongScore countyShortage;

	@ConstraintWeight(TRAVEL)
	private HardMediumSoftLongScore travel;

	@ConstraintWeight(OVER_QUALIFIED)
	private HardMediumSoftLongScore overQualified;

	@ConstraintWeight(CONSECUTIVE)
	private HardMediumSoftLongScore consecutive;

	@ConstraintWeight(PREFERENCES)
	private HardMediumSoftLongScore preferences;

	@ConstraintWeight(STABILITY)
	private HardMediumSoftLongScore stability;

	@ConstraintWeight(SHARED_TRAVEL)
	private HardMediumSoftLongScore sharedTravel;

	@ConstraintWeight(TRACK_RECORD)
	private HardMediumSoftLongScore trackRecord;

	WeekendWeights() {
		this(SoftWeights.DEFAULTS);
	}

	public WeekendWeights(SoftWeights soft) {
		outsidePairing = HardMediumSoftLongScore.ofSoft(soft.outsidePairing());
		continuity = HardMediumSoftLongScore.ofSoft(soft.continuity());
		expertLoad = HardMediumSoftLongScore.ofSoft(soft.expertLoad());
		countyShortage = HardMediumSoftLongScore.ofSoft(soft.countyShortage());
		travel = HardMediumSoftLongScore.ofSoft(soft.travel());
		overQualified = HardMediumSoftLongScore.ofSoft(soft.overQualified());
		consecutive = HardMediumSoftLongScore.ofSoft(soft.consecutive());
		preferences = HardMediumSoftLongScore.ofSoft(soft.preferences());
		stability = HardMediumSoftLongScore.ofSoft(soft.stability());
		sharedTravel = HardMediumSoftLongScore.ofSoft(soft.sharedTravel());
		trackRecord = HardMediumSoftLongScore.ofSoft(soft.trackRecord());
	}

}
