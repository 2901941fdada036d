package cn.talentexchange.expert;

/** Hides a phone number from people who only need to know there is one. */
public final class PhoneNumbers {

	private static final int VISIBLE_TAIL = 4;

	private static final int MASKED = 4;

	private PhoneNumbers() {
	}

	/** "+86 199 0000 1234" becomes "+86 199 **** 1234"; the four digits before the last four are hidden. */
	public static String mask(String phone) {
		if (phone == null) {
			return null;
		}
		char[] chars = phone.toCharArray();
		int digitsSeen = 0;
		for (int i = chars.length - 1; i >= 0 && digitsSeen < VISIBLE_TAIL + MASKED; i--) {
			if (Character.isDigit(chars[i])) {
				if (digitsSeen >= VISIBLE_TAIL) {
					chars[i] = '*';
				}
				digitsSeen++;
			}
		}
		return new String(chars);
	}

}
