package cn.talentexchange.planning.moves;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;

/**
 * Where each expert is in the working solution as it stands, for moves that must not propose a plan breaking a
 * hard rule. The slots an expert holds are found among the slots that list them as a candidate, indexed once per
 * solution: the index depends only on problem facts and value ranges, the lookups on the current assignment.
 */
final class ExpertCalendar {

	private final Map<PlannedExpert, List<SeatSlot>> slotsByCandidate = new IdentityHashMap<>();

	ExpertCalendar(WeekendPlan plan) {
		for (SeatSlot slot : plan.getSlots()) {
			for (PlannedExpert expert : slot.getCandidates()) {
				slotsByCandidate.computeIfAbsent(expert, key -> new ArrayList<>()).add(slot);
			}
		}
	}

	/** The expert's slots on other visits that share a day with this visit on that date. */
	List<SeatSlot> clashes(PlannedExpert expert, Visit visit, LocalDate date) {
		List<SeatSlot> clashes = List.of();
		for (SeatSlot other : slotsByCandidate.getOrDefault(expert, List.of())) {
			if (other.getExpert() == expert && other.getVisit() != visit && other.getDate() != null
					&& Visit.overlaps(date, visit.isWholeWeekend(), other.getDate(), other.getVisit().isWholeWeekend())) {
				if (clashes.isEmpty()) {
					clashes = new ArrayList<>(2);
				}
				if (!clashes.contains(other)) {
					clashes.add(other);
				}
			}
		}
		return clashes;
	}

	/** Whether one more weekend (if this one is new to the expert) stays within the monthly cap. */
	boolean underCap(PlannedExpert expert, Visit visit, LocalDate date) {
		LocalDate saturday = Visit.saturdayOf(date);
		YearMonth month = YearMonth.from(saturday);
		Set<LocalDate> weekends = new HashSet<>();
		for (SeatSlot other : slotsByCandidate.getOrDefault(expert, List.of())) {
			if (other.getExpert() == expert && other.getVisit() != visit && other.getDate() != null) {
				LocalDate otherSaturday = Visit.saturdayOf(other.getDate());
				if (otherSaturday.equals(saturday)) {
					return true;
				}
				if (YearMonth.from(otherSaturday).equals(month)) {
					weekends.add(otherSaturday);
				}
			}
		}
		return weekends.size() + 1 + expert.weekendsCommittedIn(month) <= expert.getMaxWeekendsPerMonth();
	}

	/**
	 * The slots the expert would have to leave to work this date within the monthly cap: all their slots on one
	 * other weekend of the month (the one with fewest, the earliest of equals); none when the cap is not in the way,
	 * and null when leaving one weekend would not be enough (weekends committed outside the plan).
	 */
	List<SeatSlot> weekendToGiveUp(PlannedExpert expert, Visit visit, LocalDate date) {
		if (underCap(expert, visit, date)) {
			return List.of();
		}
		YearMonth month = YearMonth.from(Visit.saturdayOf(date));
		Map<LocalDate, List<SeatSlot>> byWeekend = new TreeMap<>();
		for (SeatSlot other : slotsByCandidate.getOrDefault(expert, List.of())) {
			if (other.getExpert() == expert && other.getVisit() != visit && other.getDate() != null
					&& YearMonth.from(other.weekend()).equals(month)) {
				byWeekend.computeIfAbsent(other.weekend(), weekend -> new ArrayList<>()).add(other);
			}
		}
		if (byWeekend.size() + expert.weekendsCommittedIn(month) > expert.getMaxWeekendsPerMonth()) {
			return null;
		}
		List<SeatSlot> fewest = null;
		for (List<SeatSlot> slots : byWeekend.values()) {
			if (fewest == null || slots.size() < fewest.size()) {
				fewest = slots;
			}
		}
		return fewest;
	}

	/** Whether the expert could take the slot as things stand without leaving anything: free, unclashed, under the cap. */
	boolean isFreeFor(PlannedExpert expert, SeatSlot slot) {
		Visit visit = slot.getVisit();
		LocalDate date = slot.getDate();
		return date != null && expert.isFreeFor(visit, date) && !isOnVisit(expert, visit)
				&& clashes(expert, visit, date).isEmpty() && underCap(expert, visit, date);
	}

	static boolean isOnVisit(PlannedExpert expert, Visit visit) {
		for (SeatSlot slot : visit.getSlots()) {
			if (slot.getExpert() == expert) {
				return true;
			}
		}
		return false;
	}

}
