package cn.talentexchange.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The one door to a push channel. FCM is behind it today; a phone vendor's channel or SMS can stand behind it
 * for the many phones in China without Google services.
 */
public interface PushGateway {

	/** A name for the records: which channel delivered. */
	String channel();

	/** Sends each message once; the outcomes come back in the order of the messages. */
	Mono<List<Outcome>> send(List<Message> messages);

	/**
	 * What reaches a phone: ids, a title and a short body, never personal data.
	 *
	 * @param notificationId the notice's id: the app drops a message whose id it has already shown
	 * @param collapseKey one per assignment, so a resend or an update replaces the earlier one on the phone
	 */
	record Message(String notificationId, String deviceToken, NotificationKind kind, String title, String body,
			String collapseKey, String requestId, Instant expiresAt) {
	}

	/** How one message went: delivered, the device is gone for good, worth trying again later, or refused for good. */
	record Outcome(Result result, Duration retryAfter, String error) {

		public static final Outcome DELIVERED = new Outcome(Result.DELIVERED, null, null);

		public static Outcome deviceGone(String error) {
			return new Outcome(Result.DEVICE_GONE, null, error);
		}

		public static Outcome retry(Duration after, String error) {
			return new Outcome(Result.RETRY, after, error);
		}

		/** The channel refused the message itself: sending it again would fail the same way. */
		public static Outcome rejected(String error) {
			return new Outcome(Result.REJECTED, null, error);
		}

	}

	enum Result { DELIVERED, DEVICE_GONE, RETRY, REJECTED }

}
