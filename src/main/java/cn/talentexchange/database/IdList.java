package cn.talentexchange.database;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A kind of id list kept by {@link IdLists}: the ids of the documents of {@code collection} that match
 * {@code members}, one list per value of {@code keyField} ("the assignments of expert ex-0001"), or a single list
 * under {@link #ALL} when there is no key field.
 *
 * @param name the lists' prefix in the store, stable across releases
 */
public record IdList(String name, String collection, String keyField, Criteria members) {

	/** The key of the one list of a kind without a key field. */
	public static final String ALL = "all";

	public IdList(String name, String collection, String keyField) {
		this(name, collection, keyField, new Criteria());
	}

	/** One list of every document that matches {@code members}. */
	public static IdList single(String name, String collection, Criteria members) {
		return new IdList(name, collection, null, members);
	}

	String keyOf(org.bson.Document document) {
		if (keyField == null) {
			return ALL;
		}
		Object key = document.get(keyField);
		return key == null ? null : String.valueOf(key);
	}

}
