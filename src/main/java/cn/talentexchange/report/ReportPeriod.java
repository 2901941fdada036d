package cn.talentexchange.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.talentexchange.Clocks;
import cn.talentexchange.web.ApiProblem;

/**
 * The days a report covers, both ends included, on Shanghai's calendar.
 *
 * @param label how the period was asked for: {@code 2026-11}, {@code 2026-Q4} or {@code 2026}
 */
record ReportPeriod(String label, LocalDate from, LocalDate to) {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	static ReportPeriod month(String month) {
		try {
			YearMonth parsed = YearMonth.parse(month);
			requireYear("month", parsed.getYear());
			return new ReportPeriod(parsed.toString(), parsed.atDay(1), parsed.atEndOfMonth());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalid("month", "must be a month like 2026-11");
		}
	}

	static ReportPeriod quarter(String quarter) {
		Matcher matcher = QUARTER.matcher(quarter);
		if (!matcher.matches()) {
			throw ApiProblem.invalid("quarter", "must be a quarter like 2026-Q4");
		}
		requireYear("quarter", Integer.parseInt(matcher.group(1)));
		YearMonth first = YearMonth.of(Integer.parseInt(matcher.group(1)), 3 * Integer.parseInt(matcher.group(2)) - 2);
		return new ReportPeriod(quarter, first.atDay(1), first.plusMonths(2).atEndOfMonth());
	}

	static ReportPeriod year(int year) {
		requireYear("year", year);
		return new ReportPeriod(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	private static void requireYear(String field, int year) {
		if (year < 2000 || year > 2999) {
			throw ApiProblem.invalid(field, "must be in a year between 2000 and 2999");
		}
	}

	boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	Instant start() {
		return from.atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant();
	}

}
