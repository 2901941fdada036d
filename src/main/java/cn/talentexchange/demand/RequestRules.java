package cn.talentexchange.demand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.web.ApiProblem;

/** Rules of a request that annotations cannot express. */
final class RequestRules {

	/** How far ahead a county may ask for a visit. */
	static final int HORIZON_DAYS = 366;

	private RequestRules() {
	}

	static void check(RequestInput input, LocalDate today) {
		List<LocalDate> dates = input.acceptableDates();
		for (int i = 0; i < dates.size(); i++) {
			LocalDate date = dates.get(i);
			String field = "acceptableDates[" + i + "]";
			if (input.duration() == VisitDuration.WEEKEND && date.getDayOfWeek() != DayOfWeek.SATURDAY) {
				throw ApiProblem.invalid(field, "a whole-weekend visit starts on a Saturday; " + date + " is not one");
			}
			if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
				throw ApiProblem.invalid(field, date + " is not a Saturday or Sunday");
			}
			if (date.isBefore(today) || date.isAfter(today.plusDays(HORIZON_DAYS))) {
				throw ApiProblem.invalid(field, date + " is not between today and a year from now");
			}
		}
		if (input.seats().stream().map(seat -> seat.skill() + "@" + seat.minLevel()).distinct().count() != input.seats()
			.size()) {
			throw ApiProblem.invalid("seats", "merge seats that ask for the same skill and level into one with a count");
		}
	}

	/** Opening puts the request in front of the planner: every date must still be ahead. */
	static void checkOpenable(DemandRequest request, LocalDate today) {
		for (int i = 0; i < request.acceptableDates().size(); i++) {
			if (!request.acceptableDates().get(i).isAfter(today)) {
				throw ApiProblem.invalid("acceptableDates[" + i + "]",
						request.acceptableDates().get(i) + " has passed; edit the dates before opening");
			}
		}
	}

}
