package cn.talentexchange.web;

import java.time.LocalDate;

/**
 * What the service accepts as text and as a date, wherever it comes from (a body, a query, a path): one home
 * for the rules, so a value refused in a body is refused in a query too.
 */
public final class InputRules {

	/** The programme's dates lie well inside these; anything outside is a typo or an attack, never a plan. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

	private InputRules() {
	}

	/**
	 * Why the text is refused, or null when it is fine: no NUL or other control characters (tab and line breaks
	 * allowed), and no half of a surrogate pair, which no store or phone can encode.
	 */
	public static String whyTextRefused(String text) {
		for (int index = 0; index < text.length(); index++) {
			char current = text.charAt(index);
			if (Character.isHighSurrogate(current) && index + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(index + 1))) {
				index++;
			}
			else if (Character.isSurrogate(current)) {
				return "contains an unpaired surrogate (invalid Unicode)";
			}
			else if (Character.isISOControl(current) && current != '\t' && current != '\n' && current != '\r') {
				return "contains a control character (U+" + String.format("%04X", (int) current) + ")";
			}
		}
		return null;
	}

	/** Why the date is refused, or null when it is within the years the programme can mean. */
	public static String whyDateRefused(LocalDate date) {
		return date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)
				? "must be between " + EARLIEST_DATE + " and " + LATEST_DATE : null;
	}

}
