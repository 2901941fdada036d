package cn.talentexchange.database;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;

/**
 * An H2 backend that commits the store before it answers a command. H2 otherwise commits about once
 * a second in the background, so a write the client saw acknowledged could vanish in a crash.
 * A commit with nothing to write returns at once, so reads pay almost nothing.
 */
final class DurableH2Backend extends H2Backend {

	private final MVStore store;

	private DurableH2Backend(MVStore store) {
		super(store);
		this.store = store;
	}

	static DurableH2Backend open(String fileName) {
		return new DurableH2Backend(new MVStore.Builder().fileName(fileName).compress().open());
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		try {
			return super.handleMessage(message);
		}
		finally {
			// Also after a failed command: a multi-document insert may have written part of its batch.
			store.commit();
		}
	}

}
