package cn.talentexchange.planning.domain;

import cn.talentexchange.assignment.Assignment.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrackRecordTest {

	@Test
	void noHistoryScoresExactlyThePrior() {
		assertThat(TrackRecord.NONE.score()).isEqualTo(0.6);
		assertThat(TrackRecord.NONE.penalty()).isEqualTo(40);
	}

	@Test
	void oneVisitMovesTheRecordAQuarterOfTheWayToItsOwnScore() {
		// (0.6 * 3 + 1) / 4 and (0.6 * 3 + 0) / 4
		assertThat(TrackRecord.NONE.withRatedVisit(Outcome.SOLVED, 5).score()).isCloseTo(0.7, within(1e-9));
		assertThat(TrackRecord.NONE.withRatedVisit(Outcome.NOT_SOLVED, 1).score()).isCloseTo(0.45, within(1e-9));
	}

	@Test
	void evidenceOutweighsThePriorAsVisitsAddUp() {
		TrackRecord record = TrackRecord.NONE;
		for (int visit = 0; visit < 27; visit++) {
			record = record.withRatedVisit(Outcome.SOLVED, 5);
		}
		// (1.8 + 27) / 30
		assertThat(record.score()).isCloseTo(0.96, within(1e-9));
		assertThat(record.penalty()).isEqualTo(4);
	}

	@Test
	void outcomeAndRatingCountHalfEach() {
		double partlySolvedRated5 = TrackRecord.NONE.withRatedVisit(Outcome.PARTLY_SOLVED, 5).score();
		double solvedRated3 = TrackRecord.NONE.withRatedVisit(Outcome.SOLVED, 3).score();
		// Each visit scores (0.5 + 1) / 2 and (1 + 0.5) / 2: 0.75, so (1.8 + 0.75) / 4.
		assertThat(partlySolvedRated5).isCloseTo(0.6375, within(1e-9));
		assertThat(solvedRated3).isCloseTo(partlySolvedRated5, within(1e-9));
	}

	@Test
	void noShowCountsAsAVisitThatScoresNothing() {
		TrackRecord noShow = TrackRecord.NONE.withNoShow();

		assertThat(noShow.score()).isEqualTo(TrackRecord.NONE.withRatedVisit(Outcome.NOT_SOLVED, 1).score());
		assertThat(noShow.penalty()).isEqualTo(55);
		assertThat(noShow.visits()).isEqualTo(1);
		assertThat(noShow.rated()).isZero();
	}

	@Test
	void averageRatingLeavesNoShowsOut() {
		TrackRecord record = TrackRecord.NONE.withRatedVisit(Outcome.SOLVED, 5)
			.withRatedVisit(Outcome.PARTLY_SOLVED, 4)
			.withNoShow();

		assertThat(record.averageRating()).isEqualTo(4.5);
		assertThat(record.solved()).isEqualTo(1);
		assertThat(record.visits()).isEqualTo(3);
	}

}
