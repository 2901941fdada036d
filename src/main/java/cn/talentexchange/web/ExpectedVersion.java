package cn.talentexchange.web;

import java.util.Map;

/**
 * The version an update expects to replace. Taken from {@code If-Match} when present (a mismatch is then
 * 412), otherwise from the body's {@code version} field (a mismatch is 409).
 */
public record ExpectedVersion(long value, boolean fromIfMatch) {

	public static ExpectedVersion of(String ifMatch, Long bodyVersion) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			return new ExpectedVersion(parseEntityTag(ifMatch), true);
		}
		if (bodyVersion == null) {
			throw new ApiProblem(ProblemType.PRECONDITION_REQUIRED,
					"Send the version you read, as If-Match or as the body's 'version'");
		}
		return new ExpectedVersion(bodyVersion, false);
	}

	/** For a change that may name a version, and applies to the current one when it names none: null then. */
	public static ExpectedVersion optional(String ifMatch, Long bodyVersion) {
		return (ifMatch == null || ifMatch.isBlank()) && bodyVersion == null ? null : of(ifMatch, bodyVersion);
	}

	public ApiProblem mismatch(long currentVersion) {
		ProblemType type = fromIfMatch ? ProblemType.PRECONDITION_FAILED : ProblemType.VERSION_CONFLICT;
		return new ApiProblem(type, "Expected version " + value + " but the current version is " + currentVersion,
				Map.of("currentVersion", currentVersion));
	}

	public static String entityTag(long version) {
		return "\"" + version + "\"";
	}

	private static long parseEntityTag(String header) {
		String tag = header.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.invalid("If-Match", "must be an entity tag this API issued, such as \"3\"");
		}
	}

}
