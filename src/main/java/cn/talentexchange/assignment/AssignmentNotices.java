package cn.talentexchange.assignment;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.notification.Audience;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.NotificationKind;

/** The notices each change of an assignment owes, and to whom. */
final class AssignmentNotices {

	private AssignmentNotices() {
	}

	/** The new offer, to the expert; its push is worth nothing after the deadline. */
	static List<Notice> offered(Assignment offer, Instant now) {
		return List.of(Notice.of(NotificationKind.OFFER, Audience.expert(offer.expertId()), offer.id(), offer.requestId(),
				params(offer, Map.of("deadline", offer.offerDeadline().toString())), offer.offerDeadline(), now));
	}

	/** The county's agency learns that one of its seats is taken. */
	static List<Notice> accepted(Assignment accepted, Instant now, ZoneId zone) {
		return untilTheVisitEnds(NotificationKind.SEAT_ACCEPTED, Audience.countyAgency(accepted.countyId()), accepted, now,
				zone);
	}

	/** The county or a coordinator called the visit off. */
	static List<Notice> cancelled(Assignment cancelled, Instant now, ZoneId zone) {
		return untilTheVisitEnds(NotificationKind.CANCELLATION, Audience.expert(cancelled.expertId()), cancelled, now, zone);
	}

	/** The seat went to someone else: a coordinator's override or a replan. */
	static List<Notice> withdrawn(Assignment withdrawn, Instant now, ZoneId zone) {
		return untilTheVisitEnds(NotificationKind.CHANGE, Audience.expert(withdrawn.expertId()), withdrawn, now, zone);
	}

	static List<Notice> reminder(Assignment accepted, Instant now, ZoneId zone) {
		return untilTheVisitEnds(NotificationKind.REMINDER, Audience.expert(accepted.expertId()), accepted, now, zone);
	}

	/** A notice about the visit whose push is worth nothing once the visit is over. */
	private static List<Notice> untilTheVisitEnds(NotificationKind kind, Audience audience, Assignment assignment,
			Instant now, ZoneId zone) {
		return List.of(Notice.of(kind, audience, assignment.id(), assignment.requestId(), params(assignment, Map.of()),
				endOfVisit(assignment, zone), now));
	}

	private static Map<String, String> params(Assignment assignment, Map<String, String> more) {
		Map<String, String> params = new HashMap<>(more);
		params.put("date", assignment.date().toString());
		params.put("county", assignment.countyId());
		params.put("skill", assignment.skill());
		return params;
	}

	private static Instant endOfVisit(Assignment assignment, ZoneId zone) {
		return assignment.date().plusDays(assignment.wholeWeekend() ? 1 : 0).atTime(LocalTime.MAX).atZone(zone).toInstant();
	}

}
