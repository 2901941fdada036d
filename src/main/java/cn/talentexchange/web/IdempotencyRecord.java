package cn.talentexchange.web;

import java.time.Instant;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first answer to a POST that carried an {@code Idempotency-Key}, kept so a retry of the same request
 * gets the same answer instead of a second effect.
 *
 * @param id the caller and the key
 * @param requestHash method, path, query and body, hashed: the same key with another request is refused
 * @param done false while the first request is still being processed
 */
@Document("idempotencyKeys")
public record IdempotencyRecord(String id, String requestHash, boolean done, int status, String contentType, String etag,
		String location, byte[] body, Instant createdAt, Instant expiresAt) {
}
