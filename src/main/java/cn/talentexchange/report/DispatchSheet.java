package cn.talentexchange.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.DeclineReason;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;

/**
 * The ten-day dispatch sheet (旬调度): for each county the caller may read, the visits from {@code from} to
 * {@code to}, who is coming and what is still empty, the offers still unanswered, and the declines and no-shows
 * of the ten days before.
 */
record DispatchSheet(LocalDate from, LocalDate to, Instant generatedAt, List<CountySheet> counties) {

	record CountySheet(String countyId, List<ComingVisit> visits, List<WaitingOffer> waitingOffers,
			List<RecentDecline> recentDeclines, List<RecentNoShow> recentNoShows) {
	}

	/**
	 * @param planned false for an open request nobody has planned yet: {@code date} is then its first acceptable
	 *        date in the window
	 * @param confirmed positions an expert has said yes to (or has come to)
	 */
	record ComingVisit(String requestId, String title, Priority priority, RequestStatus status, LocalDate date,
			boolean planned, int positions, int confirmed, int offered, int unfilled, List<SeatLine> seats) {
	}

	record SeatLine(int seat, String skill, int count, List<Person> people, List<EmptyPosition> empty) {
	}

	record Person(int position, String assignmentId, String expertId, String displayName, AssignmentStatus status,
			Instant offerDeadline) {
	}

	/**
	 * @param lastStatus for a position given back: how the last holder let it go (declined, expired, cancelled)
	 * @param declineReason the reason, when it was declined
	 */
	record EmptyPosition(int position, WhyEmpty reason, AssignmentStatus lastStatus, DeclineReason declineReason) {
	}

	/**
	 * NOT_PLANNED: no plan has taken the request up yet. NO_CANDIDATE: the published plan found nobody for the
	 * position (the request's explanation says where the candidates were lost). GIVEN_BACK: someone held it and
	 * let it go, and no replan has filled it again yet.
	 */
	enum WhyEmpty { NOT_PLANNED, NO_CANDIDATE, GIVEN_BACK }

	record WaitingOffer(String assignmentId, String requestId, String title, String expertId, String displayName,
			LocalDate date, Instant offerDeadline) {
	}

	record RecentDecline(String assignmentId, String requestId, String title, String expertId, String displayName,
			LocalDate date, Instant declinedAt, DeclineReason reason, String note) {
	}

	record RecentNoShow(String assignmentId, String requestId, String title, String expertId, String displayName,
			LocalDate date) {
	}

}
