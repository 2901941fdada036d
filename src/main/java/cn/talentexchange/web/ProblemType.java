package cn.talentexchange.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

/** The closed catalogue of problem types the API answers with; clients switch on {@link #uri()}. */
public enum ProblemType {

	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request is not valid"),
	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request body cannot be read"),
	REQUEST_TOO_LARGE(HttpStatus.BAD_REQUEST, "request-too-large", "The request body is too large"),
	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"),
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this"),
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The method is not allowed here"),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "The request's URI is too long"),
	HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "The request's headers are too large"),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "The content type is not supported"),
	VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "The resource was changed by someone else"),
	INVALID_STATE(HttpStatus.CONFLICT, "invalid-state", "The resource's status does not allow this"),
	DUPLICATE(HttpStatus.CONFLICT, "duplicate", "A resource with the same key exists"),
	RULE_BROKEN(HttpStatus.CONFLICT, "rule-broken", "The change would break a planning rule"),
	WINDOW_BUSY(HttpStatus.CONFLICT, "window-busy", "Another plan is running over an overlapping window"),
	OVERLAPPING_PLACEMENT(HttpStatus.CONFLICT, "overlapping-placement", "The person is already placed during this period"),
	REQUEST_IN_PROGRESS(HttpStatus.CONFLICT, "request-in-progress", "A request with this Idempotency-Key is still being processed"),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "The Idempotency-Key was used for a different request"),
	OWN_ACCOUNT(HttpStatus.CONFLICT, "own-account", "Administrators cannot change their own roles"),
	IDENTITY_PROVIDER_FAILED(HttpStatus.BAD_GATEWAY, "identity-provider-failed", "The identity provider did not take the change"),
	PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "If-Match does not match the current version"),
	PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "A version (If-Match or the body's version) is required"),
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests; slow down"),
	IDENTITY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "The identity provider's keys cannot be reached; try again shortly"),
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side");

	private static final String BASE = "urn:talent-exchange:problem:";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	ProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public URI uri() {
		return URI.create(BASE + slug);
	}

}
