package cn.talentexchange.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.expert.ExpertCard;
import cn.talentexchange.expert.PhoneNumbers;

/**
 * An assignment as the API shows it. {@code expert} is for agencies and coordinators; the phone number
 * appears only once the expert has accepted. {@code whyYou} is for the expert reading their own assignment.
 */
record AssignmentView(String id, String planId, String requestId, String countyId, int seat, int position,
		String skill, LocalDate date, boolean wholeWeekend, String expertId, AssignmentStatus status,
		Instant offerDeadline, Double hours, List<Assignment.Transition> history, Assignment.Feedback feedback,
		ExpertContact expert, List<String> whyYou, long version, Instant createdAt, Instant updatedAt) {

	static AssignmentView of(Assignment assignment, ExpertCard expert) {
		ExpertContact contact = expert == null ? null
				: new ExpertContact(expert.displayName(), expert.organisationId(),
						ACCEPTED_OR_LATER.contains(assignment.status()) ? expert.phone() : PhoneNumbers.mask(expert.phone()));
		return new AssignmentView(assignment.id(), assignment.planId(), assignment.requestId(), assignment.countyId(),
				assignment.seat(), assignment.position(), assignment.skill(), assignment.date(), assignment.wholeWeekend(),
				assignment.expertId(), assignment.status(), assignment.offerDeadline(), assignment.hours(),
				assignment.history(), assignment.feedback(), contact, null, assignment.version(), assignment.createdAt(),
				assignment.updatedAt());
	}

	AssignmentView withWhyYou(List<String> reasons) {
		return new AssignmentView(id, planId, requestId, countyId, seat, position, skill, date, wholeWeekend, expertId, status,
				offerDeadline, hours, history, feedback, expert, reasons, version, createdAt, updatedAt);
	}

	private static final List<AssignmentStatus> ACCEPTED_OR_LATER = List.of(AssignmentStatus.ACCEPTED,
			AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED);

	/** Who is coming, for the county agency and the coordinators. */
	record ExpertContact(String displayName, String organisationId, String phone) {
	}

}
