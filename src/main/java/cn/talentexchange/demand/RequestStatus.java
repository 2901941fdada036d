package cn.talentexchange.demand;

/** A county problem's life: drafted, opened for planning, planned, confirmed by experts, done or cancelled. */
public enum RequestStatus {

	DRAFT, OPEN, PLANNED, CONFIRMED, COMPLETED, CANCELLED

}
