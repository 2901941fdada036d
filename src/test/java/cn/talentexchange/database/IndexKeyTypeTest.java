package cn.talentexchange.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick comparison must order keys exactly as H2's default type ordered the files already written. */
class IndexKeyTypeTest {

	private static final String ALPHABET = "aZ0-_:.\u0000\u007f\u0080\u07ff\u0800法库县\uffff\ud83d\ude00";

	private final Random random = new Random(20261203);

	@Test
	void ordersKeysAsTheirJavaSerializationDoes() {
		ObjectDataType serialized = new ObjectDataType();
		IndexKeyType quick = new IndexKeyType();
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			keys.add(new KeyValue(text(random.nextInt(40))));
			keys.add(new KeyValue(new ObjectId()));
		}
		keys.add(new KeyValue(""));
		keys.add(new KeyValue("x".repeat(0xFFFF)));
		keys.add(new KeyValue("y".repeat(0xFFFF)));
		keys.add(new KeyValue("x".repeat(0x10000)));
		keys.add(new KeyValue("\u0000".repeat(0x8000)));
		keys.add(new KeyValue(42));
		keys.add(new KeyValue("ex-0001", 3));
		for (KeyValue left : keys) {
			for (KeyValue right : keys) {
				assertThat(Integer.signum(quick.compare(left, right)))
					.as("%s vs %s", abbreviated(left), abbreviated(right))
					.isEqualTo(Integer.signum(serialized.compare(left, right)));
			}
		}
	}

	@Test
	void readsAnIndexWrittenWithTheDefaultType(@TempDir Path directory) {
		String file = directory.resolve("store.mv").toString();
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			keys.add(new KeyValue(i % 2 == 0 ? new ObjectId() : (Object) ("notice-" + text(8) + ":expert-" + i)));
		}
		try (MVStore store = new MVStore.Builder().fileName(file).open()) {
			MVMap<KeyValue, Object> written = store.openMap("index");
			keys.forEach(key -> written.put(key, key.toString()));
		}
		try (MVStore store = new MVStore.Builder().fileName(file).open()) {
			MVMap<KeyValue, Object> read = store.openMap("index",
					new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
			keys.forEach(key -> assertThat(read.get(key)).isEqualTo(key.toString()));
			KeyValue added = new KeyValue("added-later");
			read.put(added, "new");
			assertThat(read.get(added)).isEqualTo("new");
			assertThat(read.sizeAsLong()).isEqualTo(keys.size() + 1);
		}
	}

	@Test
	void theEmbeddedServersIdIndexesUseIt(@TempDir Path directory) {
		String file = directory.resolve("server.mv").toString();
		DurableH2Backend created = DurableH2Backend.open(file, false, 16);
		created.resolveDatabase("talent").createCollectionOrThrowIfExists("experts", CollectionOptions.withDefaults())
			.addDocument(new Document("_id", "ex-0001"));
		assertThat(keyTypeOfIdIndex(created)).isInstanceOf(IndexKeyType.class);
		created.close();

		DurableH2Backend reopened = DurableH2Backend.open(file, false, 16);
		assertThat(keyTypeOfIdIndex(reopened)).isInstanceOf(IndexKeyType.class);
		assertThat(reopened.resolveDatabase("talent").resolveCollection("experts", true)
			.handleQuery(new Document("_id", "ex-0001"))).hasSize(1);
		reopened.close();
	}

	private static Object keyTypeOfIdIndex(DurableH2Backend backend) {
		String index = backend.getMvStore().getMapNames().stream()
			.filter(name -> name.startsWith("talent.experts._index_"))
			.findFirst()
			.orElseThrow();
		return backend.getMvStore().openMap(index).getKeyType();
	}

	private String text(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private static String abbreviated(KeyValue key) {
		String text = key.toString();
		return text.length() > 60 ? text.substring(0, 60) + "..." : text;
	}

}
