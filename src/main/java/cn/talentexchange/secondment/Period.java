package cn.talentexchange.secondment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;

/** A stretch of days, both ends included. */
public record Period(@NotNull LocalDate start, @NotNull LocalDate end) {

	/** The average month, so that cadre-months add up the same whatever the calendar months are. */
	static final double DAYS_PER_MONTH = 365.25 / 12;

	public boolean overlaps(Period other) {
		return !start.isAfter(other.end) && !other.start.isAfter(end);
	}

	public boolean covers(Period other) {
		return !start.isAfter(other.start) && !end.isBefore(other.end);
	}

	public long days() {
		return ChronoUnit.DAYS.between(start, end) + 1;
	}

	/** Months to one decimal, from days: what the ledger counts in. */
	@JsonProperty(value = "months", access = JsonProperty.Access.READ_ONLY)
	public double months() {
		return Math.round(days() / DAYS_PER_MONTH * 10) / 10.0;
	}

	/** The part of this period inside the window, or null when they do not meet. */
	public Period within(Period window) {
		if (!overlaps(window)) {
			return null;
		}
		return new Period(start.isBefore(window.start) ? window.start : start, end.isAfter(window.end) ? window.end : end);
	}

}
