package cn.talentexchange.secondment;

import java.util.EnumSet;
import java.util.Set;

/** A placement's life: nominated, approved by both HR sides, active, possibly extended, then over. */
public enum SecondmentStatus {

	NOMINATED, APPROVED, ACTIVE, EXTENDED, COMPLETED, TERMINATED;

	/** Statuses in which the placement holds the person. */
	public static final Set<SecondmentStatus> HOLDING = EnumSet.of(NOMINATED, APPROVED, ACTIVE, EXTENDED);

	/** Statuses in which the person is away now. */
	public static final Set<SecondmentStatus> AWAY = EnumSet.of(ACTIVE, EXTENDED);

}
