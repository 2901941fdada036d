package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.talentexchange.Clocks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Offers must be answered 72 h before an 08:00 start, and leave the expert at least 12 h to answer. */
class OfferTimingTest {

	private static final LocalDate SATURDAY = LocalDate.of(2027, 5, 8);

	private static final PlanningSettings SETTINGS = new PlanningSettings("weekend-interactive", Duration.ofHours(48),
			Duration.ofHours(72), 92, "weekend-replan", Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(7));

	@Test
	void onTheThursdayBeforeTheWeekendIsTooCloseAndTheNextOneIsOffered() {
		OfferTiming timing = at(SATURDAY.minusDays(2).atTime(10, 0));

		assertThat(timing.leavesTimeToAnswer(SATURDAY)).isFalse();
		assertThat(timing.leavesTimeToAnswer(SATURDAY.plusDays(1))).isFalse();
		assertThat(timing.earliestOfferableDate()).isEqualTo(SATURDAY.plusDays(2));
		assertThat(timing.leavesTimeToAnswer(SATURDAY.plusDays(7))).isTrue();
	}

	@Test
	void theLastMomentToOfferADateLeavesTheShortestAnswerTime() {
		// Saturday 08:00 less 72 h less 12 h: Tuesday 20:00.
		OfferTiming lastMoment = at(SATURDAY.minusDays(4).atTime(20, 0));
		OfferTiming aMinuteLate = at(SATURDAY.minusDays(4).atTime(20, 1));

		assertThat(lastMoment.leavesTimeToAnswer(SATURDAY)).isTrue();
		assertThat(lastMoment.earliestOfferableDate()).isEqualTo(SATURDAY);
		assertThat(lastMoment.deadline(SATURDAY)).isEqualTo(SATURDAY.minusDays(3).atTime(8, 0)
			.atZone(Clocks.PROGRAMME_ZONE).toInstant());
		assertThat(aMinuteLate.leavesTimeToAnswer(SATURDAY)).isFalse();
		assertThat(aMinuteLate.earliestOfferableDate()).isEqualTo(SATURDAY.plusDays(1));
	}

	@Test
	void aFarVisitIsAnsweredWithinTheOfferWindow() {
		OfferTiming timing = at(SATURDAY.minusDays(30).atTime(9, 0));

		assertThat(timing.deadline(SATURDAY)).isEqualTo(SATURDAY.minusDays(28).atTime(9, 0)
			.atZone(Clocks.PROGRAMME_ZONE).toInstant());
	}

	@Test
	void theOfferablePartOfAWindowStartsAtTheFirstOfferableDate() {
		OfferTiming timing = at(SATURDAY.minusDays(2).atTime(10, 0));
		PlanWindow window = new PlanWindow(SATURDAY.minusDays(2), SATURDAY.plusDays(30), null, null);

		assertThat(timing.offerablePart(window).from()).isEqualTo(SATURDAY.plusDays(2));
		assertThat(timing.offerablePart(window).to()).isEqualTo(window.to());
		PlanWindow later = new PlanWindow(SATURDAY.plusDays(7), SATURDAY.plusDays(30), null, null);
		assertThat(timing.offerablePart(later)).isEqualTo(later);
	}

	private static OfferTiming at(LocalDateTime shanghai) {
		return new OfferTiming(SETTINGS, Clock.fixed(shanghai.atZone(Clocks.PROGRAMME_ZONE).toInstant(),
				Clocks.PROGRAMME_ZONE));
	}

}
