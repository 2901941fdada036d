package cn.talentexchange.demand;

/** A visit takes one day, or the whole weekend starting on the chosen Saturday. */
public enum VisitDuration {

	ONE_DAY, WEEKEND

}
