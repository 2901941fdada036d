package cn.talentexchange.notification;

import java.time.Instant;
import java.util.Map;

import org.bson.types.ObjectId;

/**
 * A notification owed, written into the outbox of the document whose change caused it, in the same update.
 * Its id is fixed at that moment, so every copy made from it (inbox entries, push messages, resends) carries it.
 *
 * @param subjectId the assignment (or request) it is about; phones collapse notifications on it
 * @param params values for the text: {@code date}, {@code county}, {@code skill}, {@code deadline}, {@code reason}
 * @param expiresAt when a push stops being worth delivering (an offer's deadline); null: no limit
 */
public record Notice(String id, NotificationKind kind, Audience audience, String subjectId, String requestId,
		Map<String, String> params, Instant expiresAt, Instant createdAt) {

	public Notice {
		params = params == null ? Map.of() : Map.copyOf(params);
	}

	public static Notice of(NotificationKind kind, Audience audience, String subjectId, String requestId,
			Map<String, String> params, Instant expiresAt, Instant now) {
		return new Notice(new ObjectId().toHexString(), kind, audience, subjectId, requestId, params, expiresAt, now);
	}

}
