package cn.talentexchange.expert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.web.ApiProblem;

/** Rules of expert input that annotations cannot express. */
final class ExpertRules {

	static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{2,127}";

	static final String PHONE = "\\+?[0-9][0-9 ()-]{5,24}";

	static final String LOCALE = "zh-CN|en";

	/** How far ahead an expert may declare availability. */
	static final int HORIZON_DAYS = 366;

	/** How many offered dates, and how many blackout dates, a profile keeps. */
	static final int MAX_DATES = 120;

	private ExpertRules() {
	}

	static void requireSkillsOnce(List<HeldSkill> skills) {
		if (skills.stream().map(HeldSkill::skill).distinct().count() != skills.size()) {
			throw ApiProblem.invalid("skills", "each skill may appear once");
		}
	}

	/** As many dates as one replacing PUT may send, so an edited list can always be sent back whole. */
	static void requireAtMostDates(String field, List<LocalDate> dates) {
		if (dates.size() > MAX_DATES) {
			throw ApiProblem.invalid(field, "would leave " + dates.size() + " dates; at most " + MAX_DATES + " are kept");
		}
	}

	/** Weekend days only, from today up to the horizon. */
	static void requireWeekendDates(String field, List<LocalDate> dates, LocalDate today) {
		for (int i = 0; i < dates.size(); i++) {
			LocalDate date = dates.get(i);
			DayOfWeek day = date.getDayOfWeek();
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				throw ApiProblem.invalid(field + "[" + i + "]", date + " is not a Saturday or Sunday");
			}
			if (date.isBefore(today) || date.isAfter(today.plusDays(HORIZON_DAYS))) {
				throw ApiProblem.invalid(field + "[" + i + "]", date + " is not between today and a year from now");
			}
		}
	}

}
