package cn.talentexchange.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.firebase.FirebaseApp;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;

import org.springframework.util.DigestUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * FCM through the Firebase Admin SDK. {@code sendEachAsync} makes one HTTP request per message on the SDK's
 * own threads; the SDK already retries a 503 a few times itself, and whatever still fails comes back here
 * as an outcome for the dispatcher's slower, persistent retry.
 */
class FirebasePushGateway implements PushGateway {

	/** The most messages {@code sendEach} takes in one call. */
	private static final int SEND_EACH_LIMIT = 500;

	private static final int CHUNKS_AT_ONCE = 4;

	/** Errors that say the token will never work again: forget the device. */
	private static final Set<MessagingErrorCode> DEVICE_GONE = Set.of(MessagingErrorCode.UNREGISTERED,
			MessagingErrorCode.SENDER_ID_MISMATCH);

	/** The longest time to live FCM takes (28 days); a visit further out is not worth a longer wait. */
	private static final Duration LONGEST_TTL = Duration.ofDays(28);

	/** APNs refuses a collapse id longer than this many bytes. */
	private static final int APNS_COLLAPSE_ID_LIMIT = 64;

	private final FirebaseMessaging messaging;

	private final Clock clock;

	FirebasePushGateway(FirebaseApp app, Clock clock) {
		this.messaging = FirebaseMessaging.getInstance(app);
		this.clock = clock;
	}

	@Override
	public String channel() {
		return "fcm";
	}

	@Override
	public Mono<List<Outcome>> send(List<Message> messages) {
		List<List<Message>> chunks = new ArrayList<>();
		for (int from = 0; from < messages.size(); from += SEND_EACH_LIMIT) {
			chunks.add(messages.subList(from, Math.min(messages.size(), from + SEND_EACH_LIMIT)));
		}
		// Chunks go out together (the SDK's pool bounds the requests in flight) and come back in order.
		return Flux.fromIterable(chunks).flatMapSequential(this::sendChunk, CHUNKS_AT_ONCE).collectList()
			.map(FirebasePushGateway::flatten);
	}

	private Mono<List<Outcome>> sendChunk(List<Message> chunk) {
		List<com.google.firebase.messaging.Message> fcm = chunk.stream().map(this::toFcm).toList();
		// Preparing the requests may refresh credentials, which blocks: never on an event loop.
		return Mono.fromCallable(() -> messaging.sendEachAsync(fcm))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(FirebasePushGateway::toMono)
			.map(batch -> batch.getResponses().stream().map(this::outcome).toList())
			.onErrorResume(failure -> Mono.just(List.copyOf(
					Collections.nCopies(chunk.size(), Outcome.retry(null, describe(failure))))));
	}

	/** The one place that decides how a device is addressed (a registration token today). */
	@SuppressWarnings("deprecation")
	private com.google.firebase.messaging.Message toFcm(Message message) {
		AndroidConfig.Builder android = AndroidConfig.builder()
			.setPriority(message.kind().urgent() ? AndroidConfig.Priority.HIGH : AndroidConfig.Priority.NORMAL)
			.setCollapseKey(message.collapseKey())
			.setNotification(AndroidNotification.builder().setTag(message.collapseKey()).build());
		ApnsConfig.Builder apple = ApnsConfig.builder()
			.putHeader("apns-priority", message.kind().urgent() ? "10" : "5")
			.putHeader("apns-collapse-id", apnsCollapseId(message.collapseKey()))
			.setAps(Aps.builder().setThreadId(message.collapseKey()).build());
		if (message.expiresAt() != null) {
			Duration ttl = Duration.between(clock.instant(), message.expiresAt());
			ttl = ttl.isNegative() ? Duration.ZERO : ttl.compareTo(LONGEST_TTL) > 0 ? LONGEST_TTL : ttl;
			android.setTtl(ttl.toMillis());
			apple.putHeader("apns-expiration", Long.toString(clock.instant().plus(ttl).getEpochSecond()));
		}
		com.google.firebase.messaging.Message.Builder fcm = com.google.firebase.messaging.Message.builder()
			.setToken(message.deviceToken())
			.setNotification(com.google.firebase.messaging.Notification.builder()
				.setTitle(message.title())
				.setBody(message.body())
				.build())
			.putData("notificationId", message.notificationId())
			.putData("kind", message.kind().name())
			.putData("subjectId", message.collapseKey())
			.setAndroidConfig(android.build())
			.setApnsConfig(apple.build());
		if (message.requestId() != null) {
			fcm.putData("requestId", message.requestId());
		}
		return fcm.build();
	}

	private static String apnsCollapseId(String key) {
		return key.getBytes(StandardCharsets.UTF_8).length <= APNS_COLLAPSE_ID_LIMIT ? key
				: DigestUtils.md5DigestAsHex(key.getBytes(StandardCharsets.UTF_8));
	}

	private Outcome outcome(SendResponse response) {
		if (response.isSuccessful()) {
			return Outcome.DELIVERED;
		}
		FirebaseMessagingException failure = response.getException();
		MessagingErrorCode code = failure.getMessagingErrorCode();
		if (code != null && DEVICE_GONE.contains(code)) {
			return Outcome.deviceGone(describe(failure));
		}
		if (code == MessagingErrorCode.INVALID_ARGUMENT) {
			// FCM says this both of a bad token and of a bad message; only the first is the device's fault.
			boolean badToken = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("registration token");
			return badToken ? Outcome.deviceGone(describe(failure)) : Outcome.rejected(describe(failure));
		}
		// QUOTA_EXCEEDED, UNAVAILABLE, INTERNAL and anything unexpected: nothing may be lost, so try again later.
		return Outcome.retry(retryAfter(failure.getHttpResponse()), describe(failure));
	}

	/** Retry-After in seconds or as an HTTP date; null when the response gave none. */
	Duration retryAfter(IncomingHttpResponse response) {
		if (response == null) {
			return null;
		}
		Object header = response.getHeaders().get("retry-after");
		if (header instanceof Collection<?> values) {
			header = values.isEmpty() ? null : values.iterator().next();
		}
		if (header == null) {
			return null;
		}
		String value = header.toString().trim();
		try {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		catch (NumberFormatException notSeconds) {
			try {
				return Duration.between(clock.instant(),
						ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static String describe(Throwable failure) {
		if (failure instanceof FirebaseMessagingException fcm) {
			return (fcm.getMessagingErrorCode() != null ? fcm.getMessagingErrorCode() : fcm.getErrorCode()) + ": "
					+ fcm.getMessage();
		}
		return failure.getClass().getSimpleName() + ": " + failure.getMessage();
	}

	private static <T> Mono<T> toMono(ApiFuture<T> future) {
		return Mono.create(sink -> {
			ApiFutures.addCallback(future, new ApiFutureCallback<T>() {

				@Override
				public void onFailure(Throwable failure) {
					sink.error(failure);
				}

				@Override
				public void onSuccess(T result) {
					sink.success(result);
				}

			}, MoreExecutors.directExecutor());
			sink.onCancel(() -> future.cancel(false));
		});
	}

	private static List<Outcome> flatten(List<List<Outcome>> chunks) {
		return chunks.stream().flatMap(List::stream).toList();
	}

}
