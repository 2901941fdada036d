package cn.talentexchange.solving;

import java.util.EnumSet;
import java.util.Set;

/** A solver run's life: waiting for the solver slot, solving, then ended one way or another. */
public enum RunStatus {

	QUEUED, SOLVING, SOLVED, STOPPED, FAILED;

	public static final Set<RunStatus> RUNNING = EnumSet.of(QUEUED, SOLVING);

	/** Ended with a best plan to show and publish: the limit was reached, or someone stopped it early. */
	public static final Set<RunStatus> ENDED_WITH_PLAN = EnumSet.of(SOLVED, STOPPED);

}
