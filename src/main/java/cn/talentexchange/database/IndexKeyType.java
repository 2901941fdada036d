package cn.talentexchange.database;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes, stored exactly as H2's default type stores them but compared
 * without serializing. H2 compares keys it cannot compare otherwise by their Java serialization, and
 * mongo-java-server's {@link KeyValue} is such a key: every lookup serialized both sides at every step down the
 * tree, about 30 µs a lookup against 1 µs here. The order must stay the one files were written in, so the keys
 * that carry one string or one ObjectId, every _id of this service, are compared as their serialized forms compare:
 * a string by the length of its modified UTF-8 form, then by its bytes, unsigned, long strings after short ones; an
 * ObjectId by its twelve bytes, unsigned. Anything else is compared as before. {@code IndexKeyTypeTest} checks the
 * two orders agree.
 */
final class IndexKeyType extends ObjectDataType {

	/** Java serialization writes longer strings with an eight-byte length, and a tag that sorts after the short one's. */
	private static final int LONGEST_SHORT_STRING = 0xFFFF;

	@Override
	public int compare(Object left, Object right) {
		if (left instanceof KeyValue one && right instanceof KeyValue other && one.size() == 1 && other.size() == 1) {
			Object a = one.get(0);
			Object b = other.get(0);
			if (a instanceof String first && b instanceof String second) {
				return compareSerialized(first, second);
			}
			if (a instanceof ObjectId first && b instanceof ObjectId second) {
				return compareUnsigned(first.toByteArray(), second.toByteArray());
			}
		}
		return super.compare(left, right);
	}

	static int compareSerialized(String first, String second) {
		if (first.equals(second)) {
			return 0;
		}
		long firstLength = encodedLength(first);
		long secondLength = encodedLength(second);
		boolean firstLong = firstLength > LONGEST_SHORT_STRING;
		boolean secondLong = secondLength > LONGEST_SHORT_STRING;
		if (firstLong != secondLong) {
			return firstLong ? 1 : -1;
		}
		if (firstLength != secondLength) {
			return Long.compare(firstLength, secondLength);
		}
		// One byte a character: the bytes compare as the characters do.
		if (firstLength == first.length() && secondLength == second.length()) {
			return first.compareTo(second);
		}
		return compareUnsigned(encoded(first, (int) firstLength), encoded(second, (int) secondLength));
	}

	/** The length of the string in Java's modified UTF-8: NUL takes two bytes, a surrogate three. */
	private static long encodedLength(String text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
		}
		return length;
	}

	private static byte[] encoded(String text, int length) {
		byte[] bytes = new byte[length];
		int at = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x0001 && c <= 0x007F) {
				bytes[at++] = (byte) c;
			}
			else if (c <= 0x07FF) {
				bytes[at++] = (byte) (0xC0 | (c >> 6));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else {
				bytes[at++] = (byte) (0xE0 | (c >> 12));
				bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[at++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		return bytes;
	}

	private static int compareUnsigned(byte[] first, byte[] second) {
		int common = Math.min(first.length, second.length);
		for (int i = 0; i < common; i++) {
			int difference = (first[i] & 0xFF) - (second[i] & 0xFF);
			if (difference != 0) {
				return difference;
			}
		}
		return first.length - second.length;
	}

}
