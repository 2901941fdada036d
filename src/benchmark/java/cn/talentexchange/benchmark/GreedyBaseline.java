package cn.talentexchange.benchmark;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;

/**
 * What a coordinator does by hand: requests by priority (highest first, then in the order they came), and for each
 * seat position the nearest expert who is qualified (the slot's candidates: skill and level, no conflict, no
 * decline, within their travel limit), free on the visit's day(s), not already out that day, not already on this
 * visit and still under their weekends-per-month cap. Of the request's acceptable dates it takes the first one that
 * fills the most positions. Nothing is ever revisited.
 */
public final class GreedyBaseline {

	private GreedyBaseline() {
	}

	/** Fills the plan in place: visit dates, slot dates and experts. */
	public static void fill(WeekendPlan plan) {
		Map<PlannedExpert, Set<LocalDate>> busyDays = new IdentityHashMap<>();
		Map<PlannedExpert, Map<YearMonth, Set<LocalDate>>> weekendsWorked = new IdentityHashMap<>();
		Map<SeatSlot, List<PlannedExpert>> nearestFirst = new HashMap<>();
		for (SeatSlot slot : plan.getSlots()) {
			nearestFirst.put(slot, slot.getCandidates().stream()
				.sorted(Comparator.comparingInt((PlannedExpert expert) -> Travel.minutes(expert.getHome(), slot.getVisit().getSite()))
					.thenComparing(PlannedExpert::getId))
				.toList());
		}
		List<Visit> byPriority = plan.getVisits().stream()
			.sorted(Comparator.comparingInt(Visit::getPriorityWeight).reversed().thenComparing(Visit::getRequestId))
			.toList();
		for (Visit visit : byPriority) {
			LocalDate bestDate = null;
			List<PlannedExpert> bestChoice = null;
			int bestFilled = -1;
			for (LocalDate date : visit.getAcceptableDates()) {
				List<PlannedExpert> choice = new ArrayList<>();
				Set<PlannedExpert> onThisVisit = new HashSet<>();
				int filled = 0;
				for (SeatSlot slot : visit.getSlots()) {
					PlannedExpert taken = nearestFirst.get(slot).stream()
						.filter(expert -> !onThisVisit.contains(expert)
								&& free(expert, date, visit.isWholeWeekend(), busyDays)
								&& underCap(expert, date, weekendsWorked))
						.findFirst()
						.orElse(null);
					choice.add(taken);
					if (taken != null) {
						onThisVisit.add(taken);
						filled++;
					}
				}
				if (filled > bestFilled) {
					bestFilled = filled;
					bestDate = date;
					bestChoice = choice;
				}
			}
			visit.setDate(bestDate);
			for (int index = 0; index < visit.getSlots().size(); index++) {
				SeatSlot slot = visit.getSlots().get(index);
				PlannedExpert expert = bestChoice.get(index);
				slot.setDate(bestDate);
				slot.setExpert(expert);
				if (expert != null) {
					Set<LocalDate> days = busyDays.computeIfAbsent(expert, key -> new HashSet<>());
					days.add(bestDate);
					if (visit.isWholeWeekend()) {
						days.add(bestDate.plusDays(1));
					}
					LocalDate saturday = Visit.saturdayOf(bestDate);
					weekendsWorked.computeIfAbsent(expert, key -> new HashMap<>())
						.computeIfAbsent(YearMonth.from(saturday), key -> new HashSet<>())
						.add(saturday);
				}
			}
		}
	}

	private static boolean free(PlannedExpert expert, LocalDate date, boolean wholeWeekend,
			Map<PlannedExpert, Set<LocalDate>> busyDays) {
		Set<LocalDate> busy = busyDays.getOrDefault(expert, Set.of());
		if (!expert.isAvailableOn(date) || busy.contains(date)) {
			return false;
		}
		return !wholeWeekend || (expert.isAvailableOn(date.plusDays(1)) && !busy.contains(date.plusDays(1)));
	}

	private static boolean underCap(PlannedExpert expert, LocalDate date,
			Map<PlannedExpert, Map<YearMonth, Set<LocalDate>>> weekendsWorked) {
		LocalDate saturday = Visit.saturdayOf(date);
		YearMonth month = YearMonth.from(saturday);
		Set<LocalDate> worked = weekendsWorked.getOrDefault(expert, Map.of()).getOrDefault(month, Set.of());
		if (worked.contains(saturday)) {
			return true;
		}
		return worked.size() + 1 + expert.weekendsCommittedIn(month) <= expert.getMaxWeekendsPerMonth();
	}


}
