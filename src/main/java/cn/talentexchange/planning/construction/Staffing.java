package cn.talentexchange.planning.construction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;

/**
 * The experts one visit would get on one date: as many of its open slots filled as the free experts allow (a
 * matching, so one expert taken by an earlier slot is moved to another slot when that frees them for a later
 * one), each slot offered its free candidates cheapest first, where an expert costs their travel plus the open
 * demand that leans on them.
 */
record Staffing(LocalDate date, Map<SeatSlot, PlannedExpert> experts, double cost) {

	/** Minutes of travel worth one unit of {@link Pressure}: one priority weight of open demand. */
	static final double MINUTES_PER_PRESSURE = 60;

	static Staffing of(Visit visit, List<SeatSlot> open, LocalDate date, Set<PlannedExpert> onVisit, Bookings bookings,
			Pressure pressure) {
		Map<PlannedExpert, Double> costs = new IdentityHashMap<>();
		Map<SeatSlot, List<PlannedExpert>> eligible = new HashMap<>();
		for (SeatSlot slot : open) {
			List<PlannedExpert> free = new ArrayList<>();
			for (PlannedExpert candidate : slot.getCandidates()) {
				if (!onVisit.contains(candidate) && bookings.canTake(candidate, visit, date)) {
					free.add(candidate);
					costs.computeIfAbsent(candidate, expert -> Travel.minutes(expert.getHome(), visit.getSite())
							+ MINUTES_PER_PRESSURE * pressure.on(expert));
				}
			}
			free.sort(Comparator.comparingDouble(costs::get));
			eligible.put(slot, free);
		}
		// The slots with fewest choices pick first; a later slot may still move an earlier one along.
		List<SeatSlot> order = new ArrayList<>(open);
		order.sort(Comparator.comparingInt((SeatSlot slot) -> eligible.get(slot).size()));
		Map<PlannedExpert, SeatSlot> holder = new IdentityHashMap<>();
		for (SeatSlot slot : order) {
			augment(slot, eligible, holder, new HashMap<>());
		}
		Map<SeatSlot, PlannedExpert> experts = new HashMap<>();
		holder.forEach((expert, slot) -> experts.put(slot, expert));
		// Summed in the visit's slot order: the same problem always gives the same cost to the last bit.
		double cost = open.stream().filter(experts::containsKey).mapToDouble(slot -> costs.get(experts.get(slot))).sum();
		return new Staffing(date, experts, cost);
	}

	/** Kuhn's augmenting path: gives the slot a free eligible expert, moving other slots of the visit if needed. */
	private static boolean augment(SeatSlot slot, Map<SeatSlot, List<PlannedExpert>> eligible,
			Map<PlannedExpert, SeatSlot> holder, Map<SeatSlot, Boolean> visited) {
		if (visited.putIfAbsent(slot, Boolean.TRUE) != null) {
			return false;
		}
		for (PlannedExpert expert : eligible.get(slot)) {
			SeatSlot current = holder.get(expert);
			if (current == null || augment(current, eligible, holder, visited)) {
				holder.put(expert, slot);
				return true;
			}
		}
		return false;
	}

	int filled() {
		return experts.size();
	}

	/** More seats filled wins; then the cheaper experts. */
	boolean betterThan(Staffing other) {
		return filled() != other.filled() ? filled() > other.filled() : cost < other.cost;
	}

}
