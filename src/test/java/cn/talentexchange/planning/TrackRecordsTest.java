package cn.talentexchange.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.assignment.VisitFacts.VisitOutcome;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.planning.domain.TrackRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackRecordsTest {

	private static final Map<String, ActionCategory> CATEGORIES = Map.of("industry-1", ActionCategory.INDUSTRY,
			"industry-2", ActionCategory.INDUSTRY, "planning-1", ActionCategory.PLANNING);

	@Test
	void ratedVisitsAndNoShowsAddUpPerExpertAndCategory() {
		TrackRecords records = TrackRecords.from(outcomes(
				rated("e1", "industry-1", Assignment.Outcome.SOLVED, 5),
				noShow("e1", "industry-2"),
				rated("e1", "planning-1", Assignment.Outcome.PARTLY_SOLVED, 3),
				rated("e2", "industry-1", Assignment.Outcome.NOT_SOLVED, 2)), CATEGORIES);

		assertThat(records.of("e1", ActionCategory.INDUSTRY)).isEqualTo(new TrackRecord(2, 1, 1, 0, 5));
		assertThat(records.of("e1", ActionCategory.PLANNING)).isEqualTo(new TrackRecord(1, 0, 0, 1, 3));
		assertThat(records.of("e2", ActionCategory.INDUSTRY)).isEqualTo(new TrackRecord(1, 0, 0, 0, 2));
		assertThat(records.of("e2", ActionCategory.PLANNING)).isEqualTo(TrackRecord.NONE);
	}

	@Test
	void unratedAndUnfinishedVisitsTeachNothing() {
		TrackRecords records = TrackRecords.from(outcomes(
				visit("e1", "industry-1", AssignmentStatus.COMPLETED, null),
				visit("e1", "industry-2", AssignmentStatus.ACCEPTED, null),
				visit("e1", "planning-1", AssignmentStatus.DECLINED, null)), CATEGORIES);

		assertThat(records.ofExpert("e1")).isEmpty();
	}

	@Test
	void visitsOfRequestsWithoutACategoryAreLeftOut() {
		TrackRecords records = TrackRecords.from(outcomes(rated("e1", "deleted", Assignment.Outcome.SOLVED, 5)), CATEGORIES);

		assertThat(records.ofExpert("e1")).isEmpty();
	}

	/** The assignments as the track records read them from the database. */
	private static List<VisitOutcome> outcomes(Assignment... visits) {
		return Stream.of(visits)
			.map(visit -> new VisitOutcome(visit.expertId(), visit.requestId(), visit.status(), visit.feedback() == null ? null
					: new VisitFacts.Rating(visit.feedback().rating(), visit.feedback().outcome())))
			.toList();
	}

	static Assignment rated(String expertId, String requestId, Assignment.Outcome outcome, int rating) {
		return visit(expertId, requestId, AssignmentStatus.COMPLETED,
				new Assignment.Feedback(rating, outcome, null, "agency-faku", Instant.parse("2026-04-12T08:00:00Z")));
	}

	static Assignment noShow(String expertId, String requestId) {
		return visit(expertId, requestId, AssignmentStatus.NO_SHOW, null);
	}

	static Assignment visit(String expertId, String requestId, AssignmentStatus status, Assignment.Feedback feedback) {
		return new Assignment(expertId + "-" + requestId + "-" + status, "plan-1", requestId, "faku", 0, 0, "soil-testing",
				LocalDate.of(2026, 4, 11), false, expertId, status, null, null, List.of(), feedback, 0, null, null, null,
				null);
	}

}
