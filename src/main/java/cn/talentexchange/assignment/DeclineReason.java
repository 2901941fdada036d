package cn.talentexchange.assignment;

/** Why an expert said no; the coordination office reads these in the decline statistics. */
public enum DeclineReason {

	NOT_AVAILABLE, TOO_FAR, OUTSIDE_MY_FIELD, WORKLOAD, PERSONAL, OTHER

}
