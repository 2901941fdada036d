package cn.talentexchange.database;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database of the embedded server whose unique indexes compare keys with {@link IndexKeyType}. Each index's
 * map is opened here first, under the name the backend gives it, so the backend's own opening finds it open.
 */
final class FastKeyH2Database extends H2Database {

	private static final String INDEX_INFIX = "._index_";

	/** Null while the backend's constructor opens the indexes the store has, which are opened before it runs. */
	private final MVStore store;

	FastKeyH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
		super(databaseName, withIndexesOpen(store, databaseName + "."), cursors);
		this.store = store;
	}

	private static MVStore withIndexesOpen(MVStore store, String databasePrefix) {
		store.getMapNames().stream()
			.filter(name -> name.startsWith(databasePrefix) && name.contains(INDEX_INFIX))
			.forEach(name -> openIndex(store, name));
		return store;
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		if (store != null) {
			openIndex(store, getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName);
		}
		return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
	}

	private static void openIndex(MVStore store, String name) {
		store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
	}

}
