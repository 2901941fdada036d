package cn.talentexchange.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * What a read by id costs in the embedded store: 100,000 inbox-like documents, then finds of 50 ids by {@code $in}
 * (one person's inbox), with the library's own H2 backend and with this service's ({@link IndexKeyType}), at
 * three page cache sizes. Straight on the backend, without the wire protocol or the application. Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark=lookups}.
 */
public final class IndexLookupBenchmark {

	private static final int DOCUMENTS = 100_000;

	private static final int FINDS = 1_000;

	private static final int IDS_A_FIND = 50;

	private IndexLookupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("| backend | page cache | insert 100,000 | find 50 ids |");
		System.out.println("|---|---:|---:|---:|");
		for (int cache : new int[] { 16, 64, 256 }) {
			for (boolean quick : new boolean[] { false, true, false, true }) {
				Path file = Files.createTempDirectory("lookups").resolve("store.mv");
				H2Backend backend = quick ? DurableH2Backend.open(file.toString(), false, cache)
						: new H2Backend(new MVStore.Builder().fileName(file.toString()).compress().cacheSize(cache).open());
				try {
					MongoCollection<?> inbox = backend.resolveDatabase("talent")
						.createCollectionOrThrowIfExists("notifications", CollectionOptions.withDefaults());
					long started = System.nanoTime();
					for (int i = 0; i < DOCUMENTS; i++) {
						inbox.addDocument(new Document("_id", id(i)).append("title", "新的周末服务邀请")
							.append("body", "法库县，2026-12-12，通用航空产业链招商图谱").append("createdAt", i));
					}
					double insertSeconds = (System.nanoTime() - started) / 1e9;
					started = System.nanoTime();
					for (int find = 0; find < FINDS; find++) {
						List<Object> ids = new ArrayList<>();
						for (int j = 0; j < IDS_A_FIND; j++) {
							ids.add(id((find * 131 + j * 2_000) % DOCUMENTS));
						}
						int found = 0;
						for (Document ignored : inbox.handleQuery(new Document("_id", new Document("$in", ids)))) {
							found++;
						}
						if (found != IDS_A_FIND) {
							throw new IllegalStateException("found " + found + " of " + IDS_A_FIND);
						}
					}
					double findMillis = (System.nanoTime() - started) / 1e6 / FINDS;
					System.out.printf("| %s | %d MiB | %.1f s | %.2f ms |%n", quick ? "this service's" : "library's", cache,
							insertSeconds, findMillis);
				}
				finally {
					backend.close();
				}
			}
		}
	}

	/** Shaped like a notification's id: the notice's ObjectId in hex, then the recipient. */
	private static String id(int index) {
		return "6b11%020x:expert-%04d".formatted(index * 7_919L, index % 2_000);
	}

}
