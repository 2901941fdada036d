package cn.talentexchange.planning.construction;

import java.util.IdentityHashMap;
import java.util.Map;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendPlan;

/**
 * How much of the still open demand leans on each expert: every open slot spreads its priority weight evenly over
 * its candidates. A holder of a scarce skill, one of few candidates for many seats, carries a lot; someone with a
 * common skill shares each seat with dozens and carries little. Giving a seat to the expert who carries least keeps
 * the scarce people for the seats only they can fill.
 */
final class Pressure {

	private final Map<PlannedExpert, double[]> carried = new IdentityHashMap<>();

	Pressure(WeekendPlan plan) {
		for (SeatSlot slot : plan.getSlots()) {
			if (isOpen(slot)) {
				spread(slot, 1);
			}
		}
	}

	static boolean isOpen(SeatSlot slot) {
		return slot.getExpert() == null && !slot.isPinned();
	}

	double on(PlannedExpert expert) {
		double[] value = carried.get(expert);
		return value == null ? 0 : value[0];
	}

	/** The slot is decided (filled or given up): it no longer leans on anyone. */
	void settle(SeatSlot slot) {
		spread(slot, -1);
	}

	private void spread(SeatSlot slot, int sign) {
		if (slot.getCandidates().isEmpty()) {
			return;
		}
		double share = sign * (double) slot.getVisit().getPriorityWeight() / slot.getCandidates().size();
		for (PlannedExpert candidate : slot.getCandidates()) {
			carried.computeIfAbsent(candidate, key -> new double[1])[0] += share;
		}
	}

}
