package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.stereotype.Component;

/**
 * When an offer for a visit date must be answered, and so which dates can still be offered at all. One home
 * for the rule, asked by the planner (it plans no date it could not offer), by publishing and by replans.
 */
@Component
class OfferTiming {

	/** Offers go out for an 08:00 start, on Shanghai time. */
	private static final LocalTime VISIT_START = LocalTime.of(8, 0);

	private final PlanningSettings settings;

	private final Clock clock;

	OfferTiming(PlanningSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** The deadline of an offer made now: the offer window, but never later than the cut-off before the visit. */
	Instant deadline(LocalDate date) {
		Instant byWindow = clock.instant().plus(settings.offerWindow());
		Instant byCutoff = date.atTime(VISIT_START).atZone(clock.getZone()).toInstant().minus(settings.offerCutoff());
		return byWindow.isBefore(byCutoff) ? byWindow : byCutoff;
	}

	/** Whether an offer made now for this date leaves the expert the shortest time to answer. */
	boolean leavesTimeToAnswer(LocalDate date) {
		return !deadline(date).isBefore(clock.instant().plus(settings.shortestAnswerTime()));
	}

	/** The first visit date an offer made now can still reach in time; later dates can all be offered. */
	LocalDate earliestOfferableDate() {
		Instant firstStart = clock.instant().plus(settings.offerCutoff()).plus(settings.shortestAnswerTime());
		LocalDate date = LocalDate.ofInstant(firstStart, clock.getZone());
		return date.atTime(VISIT_START).atZone(clock.getZone()).toInstant().isBefore(firstStart) ? date.plusDays(1) : date;
	}

	/** The part of the window that can still be offered: it starts no earlier than the first offerable date. */
	PlanWindow offerablePart(PlanWindow window) {
		LocalDate earliest = earliestOfferableDate();
		return window.from().isBefore(earliest)
				? new PlanWindow(earliest, window.to(), window.counties(), window.profile()) : window;
	}

}
