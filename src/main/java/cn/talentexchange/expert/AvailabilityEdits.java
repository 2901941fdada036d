package cn.talentexchange.expert;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Single weekend days and blackout days to add or remove, leaving every other date as it is. */
record AvailabilityEdits(@Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> addDates,
		@Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> removeDates,
		@Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> addBlackoutDates,
		@Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> removeBlackoutDates, @Min(0) Long version) {

	AvailabilityEdits {
		addDates = addDates == null ? List.of() : addDates;
		removeDates = removeDates == null ? List.of() : removeDates;
		addBlackoutDates = addBlackoutDates == null ? List.of() : addBlackoutDates;
		removeBlackoutDates = removeBlackoutDates == null ? List.of() : removeBlackoutDates;
	}

	boolean isEmpty() {
		return addDates.isEmpty() && removeDates.isEmpty() && addBlackoutDates.isEmpty() && removeBlackoutDates.isEmpty();
	}

}
