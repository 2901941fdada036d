package cn.talentexchange.database;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 backend that commits the store before it answers a command, and forces what it wrote to the disk. H2
 * otherwise commits about once a second in the background and leaves the rest to the page cache, so a write the
 * client saw acknowledged could vanish in a crash or a power cut. A command that wrote nothing skips both, so
 * reads pay almost nothing. Its databases look keys up in their unique indexes without serializing them
 * ({@link FastKeyH2Database}). A command that holds the server longer than {@link #SLOW_MILLIS} is logged: the
 * server runs each command on the connection's event loop and locks its collection for the whole of it, so one slow
 * command delays every other caller of that collection or that loop.
 */
final class DurableH2Backend extends H2Backend {

	private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

	private static final long SLOW_MILLIS = 100;

	private final MVStore store;

	private final boolean force;

	private DurableH2Backend(MVStore store, boolean force) {
		super(store);
		this.store = store;
		this.force = force;
	}

	static DurableH2Backend open(String fileName, boolean force, int cacheMegabytes) {
		return new DurableH2Backend(new MVStore.Builder().fileName(fileName).compress().cacheSize(cacheMegabytes).open(),
				force);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new FastKeyH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		long started = System.nanoTime();
		try {
			return super.handleMessage(message);
		}
		finally {
			// Also after a failed command: a multi-document insert may have written part of its batch.
			boolean wrote = store.hasUnsavedChanges();
			store.commit();
			if (wrote && force) {
				store.sync();
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			if (millis >= SLOW_MILLIS) {
				log.warn("Slow command: {} took {} ms", describe(message.getDocument()), millis);
			}
		}
	}

	/** The command's name and collection, and its filter's fields without their values. */
	private static String describe(Document command) {
		String name = command.keySet().stream().findFirst().orElse("?");
		Object filter = command.get("filter");
		Object fields = filter instanceof Document document ? document.keySet() : "";
		return name + " " + command.get(name) + " " + fields;
	}

}
