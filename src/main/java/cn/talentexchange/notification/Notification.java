package cn.talentexchange.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice for one person: their inbox entry and, at the same time, the record of its push delivery.
 * The id joins the notice id and the username, so relaying a notice twice cannot make two.
 *
 * @param delivery how the push went; the inbox entry exists whatever it says
 */
@Document("notifications")
public record Notification(String id, String noticeId, String recipient, NotificationKind kind, String title,
		String body, String subjectId, String requestId, Instant expiresAt, Instant createdAt, Instant readAt,
		Delivery delivery) {

	/**
	 * @param tokensLeft the devices still to reach; null until the first attempt looks them up
	 * @param claimedBy the dispatcher batch that holds it until {@code claimedUntil}; a crashed holder's claim lapses
	 */
	public record Delivery(DeliveryState state, int attempts, Instant nextAttemptAt, String claimedBy,
			Instant claimedUntil, List<String> tokensLeft, int devicesReached, String channel, String lastError,
			Instant finishedAt) {

		/** The claim of a notification nobody holds: long lapsed. */
		static final Instant UNCLAIMED = Instant.EPOCH;

		static Delivery pending(Instant now) {
			return new Delivery(DeliveryState.PENDING, 0, now, null, UNCLAIMED, null, 0, null, null, null);
		}

	}

	public enum DeliveryState {
		/** Waiting for its (next) attempt. */
		PENDING,
		/** Every device the person had was reached. */
		SENT,
		/** The person has no device that push can reach: the inbox is the channel. */
		INBOX_ONLY,
		/** The time to live passed before it could be delivered. */
		EXPIRED,
		/** The push channel refused the message itself (not the device): the inbox still has it. */
		FAILED,
		/** A newer notification about the same assignment replaced it before it went out. */
		SUPERSEDED
	}

}
