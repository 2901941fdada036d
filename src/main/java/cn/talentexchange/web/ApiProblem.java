package cn.talentexchange.web;

import java.util.List;
import java.util.Map;

/**
 * An error the API reports as an RFC 9457 problem document.
 *
 * @param extensions members added to the document next to the standard ones (e.g. {@code currentVersion})
 */
public final class ApiProblem extends RuntimeException {

	/** The extension that says how many seconds to wait; it is also sent as the {@code Retry-After} header. */
	public static final String RETRY_AFTER = "retryAfterSeconds";

	private final ProblemType type;

	private final transient Map<String, Object> extensions;

	public ApiProblem(ProblemType type, String detail, Map<String, Object> extensions) {
		super(detail, null, false, false);
		this.type = type;
		this.extensions = Map.copyOf(extensions);
	}

	public ApiProblem(ProblemType type, String detail) {
		this(type, detail, Map.of());
	}

	public static ApiProblem notFound(String what, String id) {
		return new ApiProblem(ProblemType.NOT_FOUND, "No " + what + " with id '" + id + "'");
	}

	public static ApiProblem invalid(String field, String message) {
		return new ApiProblem(ProblemType.VALIDATION_FAILED, field + ": " + message,
				Map.of("errors", List.of(new FieldError(field, message))));
	}

	public ProblemType type() {
		return type;
	}

	public Map<String, Object> extensions() {
		return extensions;
	}

	/** One offending input: a JSON path in the body, a query parameter or a header. */
	public record FieldError(String field, String message) {
	}

}
