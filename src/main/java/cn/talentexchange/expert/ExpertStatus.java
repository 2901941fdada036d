package cn.talentexchange.expert;

/** ACTIVE experts are planned; PAUSED ones (by themselves) and RETIRED ones (by a coordinator) are not. */
public enum ExpertStatus {

	ACTIVE, PAUSED, RETIRED

}
