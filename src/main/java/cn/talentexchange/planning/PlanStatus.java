package cn.talentexchange.planning;

import java.util.EnumSet;
import java.util.Set;

/** A plan run's life: waiting for a solver thread, solving, then done one way or another. */
public enum PlanStatus {

	QUEUED, SOLVING, SOLVED, STOPPED, FAILED;

	public static final Set<PlanStatus> RUNNING = EnumSet.of(QUEUED, SOLVING);

	public static final Set<PlanStatus> PUBLISHABLE = EnumSet.of(SOLVED, STOPPED);

}
