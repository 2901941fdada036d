package cn.talentexchange.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.notification.Notice;

import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One expert on one position of one seat of a request, on one date.
 *
 * @param seat the index of the seat in the request
 * @param position which of the seat's {@code count} people this is (0-based)
 * @param wholeWeekend whether the visit also takes the Sunday after {@code date}
 * @param hours the time the expert gave, once completed
 * @param history every change of status, who made it and why
 * @param feedback the county's judgement of a completed visit
 * @param reminders the reminders already owed to the expert
 * @param outbox notices written with the last changes and not yet relayed to the inboxes
 */
@Document("assignments")
public record Assignment(String id, String planId, String requestId, String countyId, int seat, int position,
		String skill, LocalDate date, boolean wholeWeekend, String expertId, AssignmentStatus status,
		Instant offerDeadline, Double hours, List<Transition> history, Feedback feedback, long version,
		Instant createdAt, Instant updatedAt, List<Reminder> reminders, List<Notice> outbox) implements Versioned {

	public Assignment {
		history = history == null ? List.of() : List.copyOf(history);
		reminders = reminders == null ? List.of() : List.copyOf(reminders);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	Assignment withOutbox(List<Notice> notices) {
		return new Assignment(id, planId, requestId, countyId, seat, position, skill, date, wholeWeekend, expertId, status,
				offerDeadline, hours, history, feedback, version, createdAt, updatedAt, reminders, notices);
	}

	/** The reminders before a visit, each sent once. */
	public enum Reminder { DAYS_BEFORE, MORNING_OF }

	/** How the visit went, in the county's words: a rating from 1 to 5 and whether the problem was solved. */
	public record Feedback(int rating, Outcome outcome, String comment, String by, Instant at) {
	}

	public enum Outcome { SOLVED, PARTLY_SOLVED, NOT_SOLVED }

	/** One change of status after the offer: a decline carries its reason, a cancellation its explanation. */
	/**
	 * @param overriddenRules the hard rules a coordinator chose to break with a hand-made offer, named as the planner
	 *        names them; empty otherwise
	 */
	public record Transition(AssignmentStatus to, Instant at, String by, String reason, String note,
			List<String> overriddenRules) {

		@PersistenceCreator
		public Transition {
			overriddenRules = overriddenRules == null ? List.of() : List.copyOf(overriddenRules);
		}

		public Transition(AssignmentStatus to, Instant at, String by, String reason, String note) {
			this(to, at, by, reason, note, List.of());
		}

	}

}
