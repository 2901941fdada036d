package cn.talentexchange.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bson.Document;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * What forcing every acknowledged write to the disk costs on the embedded default: single-document inserts one
 * after another, as a phone's accept or a coordinator's edit arrive, with {@code talent.embedded-mongo.force-writes}
 * on and off. Run with {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark=store}.
 */
public final class StoreWriteBenchmark {

	private static final int WRITES = 2_000;

	private StoreWriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		System.out.println("| force-writes | writes | mean | p50 | p99 |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (boolean force : new boolean[] { true, false, true, false }) {
			Path store = Files.createTempDirectory("store-benchmark").resolve("talent.mv");
			try (ConfigurableApplicationContext context = EmbeddedApplication.start(store,
					"--talent.embedded-mongo.force-writes=" + force, "--talent.seeds.enabled=false")) {
				ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
				long[] nanos = new long[WRITES];
				for (int index = 0; index < WRITES; index++) {
					Document document = new Document("_id", "doc-" + index).append("text", "x".repeat(400));
					long start = System.nanoTime();
					mongo.insert(document, "writeBenchmark").block();
					nanos[index] = System.nanoTime() - start;
				}
				Arrays.sort(nanos);
				System.out.printf(Locale.ROOT, "| %s | %,d | %.2f ms | %.2f ms | %.2f ms |%n", force, WRITES,
						Arrays.stream(nanos).average().orElseThrow() / 1e6, nanos[WRITES / 2] / 1e6, nanos[WRITES * 99 / 100] / 1e6);
			}
		}
	}

}
