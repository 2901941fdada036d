package cn.talentexchange.database;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A kind of id list kept by {@link IdLists}: the ids of the documents of {@code collection} that match
 * {@code members}, one list per value of {@code keyField} ("the assignments of expert ex-0001"), a single list
 * under {@link #ALL} when there is neither a key field nor buckets, or {@code buckets} lists that share the ids out by
 * their hash, so that a long list of one kind ("every push still owed") is not one large document rewritten on each
 * change.
 *
 * @param name the lists' prefix in the store, stable across releases
 * @param buckets how many lists share the ids out by hash; 0 for a keyed or single list. Stable across releases:
 *        another count would look for ids in the wrong bucket
 */
public record IdList(String name, String collection, String keyField, Criteria members, int buckets) {

	/** The key of the one list of a kind without a key field. */
	public static final String ALL = "all";

	public IdList(String name, String collection, String keyField) {
		this(name, collection, keyField, new Criteria(), 0);
	}

	/** One list of every document that matches {@code members}. */
	public static IdList single(String name, String collection, Criteria members) {
		return new IdList(name, collection, null, members, 0);
	}

	/** Every document that matches {@code members}, in {@code buckets} lists by the hash of its id. */
	public static IdList spread(String name, String collection, Criteria members, int buckets) {
		if (buckets < 1) {
			throw new IllegalArgumentException("A spread list needs at least one bucket");
		}
		return new IdList(name, collection, null, members, buckets);
	}

	/** The key of the list that holds the id: its bucket, for a spread list. */
	public String bucketOf(String id) {
		return String.valueOf(Math.floorMod(id.hashCode(), buckets));
	}

	String keyOf(org.bson.Document document) {
		if (buckets > 0) {
			return bucketOf(String.valueOf(document.get("_id")));
		}
		if (keyField == null) {
			return ALL;
		}
		Object key = document.get(keyField);
		return key == null ? null : String.valueOf(key);
	}

}
