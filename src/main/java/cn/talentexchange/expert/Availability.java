package cn.talentexchange.expert;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekend days an expert offers, and blackout days that override them (a holiday, a family event)
 * without losing the usual pattern.
 */
public record Availability(List<LocalDate> dates, List<LocalDate> blackoutDates) {

	public static final Availability NONE = new Availability(List.of(), List.of());

	public Availability {
		dates = dates == null ? List.of() : dates.stream().distinct().sorted().toList();
		blackoutDates = blackoutDates == null ? List.of() : blackoutDates.stream().distinct().sorted().toList();
	}

	public boolean isAvailableOn(LocalDate date) {
		return dates.contains(date) && !blackoutDates.contains(date);
	}

}
