package cn.talentexchange.planning.construction;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;

/**
 * The days and weekends each expert is already given in a plan being built, so the construction only proposes
 * experts who are free that day, not yet out that day and still under their monthly cap: the hard rules that
 * depend on the rest of the plan. (Skill, travel, declines and conflicts are settled by each slot's candidates.)
 */
final class Bookings {

	private final Map<PlannedExpert, Set<LocalDate>> busyDays = new IdentityHashMap<>();

	private final Map<PlannedExpert, Set<LocalDate>> weekends = new IdentityHashMap<>();

	/** Bookings of the slots that already hold an expert on a visit with a date (pinned or offered). */
	static Bookings of(WeekendPlan plan) {
		Bookings bookings = new Bookings();
		for (SeatSlot slot : plan.getSlots()) {
			if (slot.getExpert() != null && slot.getVisit().getDate() != null) {
				bookings.book(slot.getExpert(), slot.getVisit(), slot.getVisit().getDate());
			}
		}
		return bookings;
	}

	void book(PlannedExpert expert, Visit visit, LocalDate date) {
		Set<LocalDate> days = busyDays.computeIfAbsent(expert, key -> new HashSet<>());
		days.add(date);
		if (visit.isWholeWeekend()) {
			days.add(date.plusDays(1));
		}
		weekends.computeIfAbsent(expert, key -> new HashSet<>()).add(Visit.saturdayOf(date));
	}

	/** Whether the expert could take a seat of this visit on that date without breaking a hard rule. */
	boolean canTake(PlannedExpert expert, Visit visit, LocalDate date) {
		if (!expert.isFreeFor(visit, date)) {
			return false;
		}
		Set<LocalDate> busy = busyDays.getOrDefault(expert, Set.of());
		if (busy.contains(date) || visit.isWholeWeekend() && busy.contains(date.plusDays(1))) {
			return false;
		}
		LocalDate saturday = Visit.saturdayOf(date);
		Set<LocalDate> worked = weekends.getOrDefault(expert, Set.of());
		if (worked.contains(saturday)) {
			return true;
		}
		YearMonth month = YearMonth.from(saturday);
		Set<LocalDate> inMonth = new HashSet<>();
		worked.stream().filter(weekend -> YearMonth.from(weekend).equals(month)).forEach(inMonth::add);
		inMonth.add(saturday);
		return expert.weekendsGivenIn(month, inMonth) <= expert.getMaxWeekendsPerMonth();
	}

}
