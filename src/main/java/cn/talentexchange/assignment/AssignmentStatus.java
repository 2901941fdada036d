package cn.talentexchange.assignment;

import java.util.EnumSet;
import java.util.Set;

/** One expert on one seat of one visit: offered, then answered, then carried out (or not). */
public enum AssignmentStatus {

	OFFERED, ACCEPTED, DECLINED, EXPIRED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW;

	/** The expert has said yes and the visit is still ahead or under way: the planner keeps these. */
	public static final Set<AssignmentStatus> COMMITTED = EnumSet.of(ACCEPTED, CHECKED_IN);

	/** An expert said yes and kept to it up to the day, whether or not they then came: the position was filled. */
	public static final Set<AssignmentStatus> FILLED = EnumSet.of(ACCEPTED, CHECKED_IN, COMPLETED, NO_SHOW);

	/** Holding the seat: an offer out, or a yes. */
	public static final Set<AssignmentStatus> HOLDING = EnumSet.of(OFFERED, ACCEPTED, CHECKED_IN);

	/** The seat was given back: declined, left to expire, or cancelled. Its expert is not asked again. */
	public static final Set<AssignmentStatus> GIVEN_BACK = EnumSet.of(DECLINED, EXPIRED, CANCELLED);

}
