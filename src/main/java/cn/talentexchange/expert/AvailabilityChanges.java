package cn.talentexchange.expert;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Replaces the expert's weekend days and blackout days. */
record AvailabilityChanges(@NotNull @Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> dates,
		@Size(max = ExpertRules.MAX_DATES) List<@NotNull LocalDate> blackoutDates, @Min(0) Long version) {
}
