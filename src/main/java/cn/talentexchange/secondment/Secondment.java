package cn.talentexchange.secondment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.database.Versioned;
import com.fasterxml.jackson.annotation.JsonIgnore;
import cn.talentexchange.notification.Notice;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One candidate placed in one position of one post, with both HR sides' approvals and its history.
 *
 * @param homeAreaId the sending organisation's area; with {@code hostAreaId} it decides which HR bureaus see it
 * @param pairingId the pairing the exchange counts for in the reciprocity ledger (the county side's), or null
 *     when no county takes part
 * @param approvals the home and the host side's approvals of the placement
 * @param extension a longer period asked for and its approvals, until both sides agreed
 * @param endedOn the last day away, once completed or terminated; the ledger counts up to it
 * @param outbox notices owed by the last changes, until relayed to the inboxes
 */
@Document("secondments")
public record Secondment(String id, String postId, int position, String candidateId, String candidateName,
		String expertId, String homeOrganisationId, String homeAreaId, String hostOrganisationId, String hostAreaId,
		String pairingId, Direction direction, Period period, SecondmentStatus status, Approvals approvals,
		Extension extension, String planId, String terminationReason, LocalDate endedOn, List<Transition> history,
		long version, Instant createdAt, Instant updatedAt, @JsonIgnore List<Notice> outbox) implements Versioned {

	public Secondment {
		history = history == null ? List.of() : List.copyOf(history);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		approvals = approvals == null ? new Approvals(null, null) : approvals;
	}

	/** The days the person is (or was, or will be) away, as far as the ledger is concerned. */
	public Period counted() {
		if (endedOn == null) {
			return period;
		}
		// Ended before it began: no day away to count.
		return endedOn.isBefore(period.start()) ? null
				: new Period(period.start(), endedOn.isBefore(period.end()) ? endedOn : period.end());
	}

	/** Which HR side acts. */
	public enum Side { HOME, HOST }

	/** Who approved for each side, and when. */
	public record Approvals(Approval home, Approval host) {
	}

	public record Approval(String by, Instant at) {
	}

	/** A longer period one side asked for; it takes effect when the other side approves too. */
	public record Extension(LocalDate newEnd, String requestedBy, Instant requestedAt, Approvals approvals) {
	}

	public record Transition(SecondmentStatus to, Instant at, String by, String note) {
	}

}
