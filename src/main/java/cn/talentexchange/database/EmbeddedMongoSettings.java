package cn.talentexchange.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process MongoDB wire-protocol server used when no {@code spring.mongodb.uri} is set.
 *
 * @param backend {@code h2} keeps data in {@code file}; {@code memory} forgets it on exit (tests)
 * @param file the H2 MVStore file
 * @param database the database name the application uses
 * @param forceWrites force every write to the disk before it is acknowledged, so a power cut loses nothing
 *        acknowledged; without it a write survives a crashed process but not a crashed machine
 * @param cacheMegabytes the H2 store's page cache, on the heap: pages read from the file are decompressed and
 *        decoded once, so reads by id that range over a large store stay quick while it holds their pages. Unset: an
 *        eighth of the maximum heap, at least 16 MiB (H2's own default) and at most 256 MiB
 */
@ConfigurationProperties("talent.embedded-mongo")
public record EmbeddedMongoSettings(
		@DefaultValue("h2") Backend backend,
		@DefaultValue("data/talent-exchange.mv") String file,
		@DefaultValue("talent") String database, @DefaultValue("true") boolean forceWrites,
		Integer cacheMegabytes) {

	private static final long SMALLEST_CACHE = 16;

	private static final long LARGEST_CACHE = 256;

	public enum Backend { H2, MEMORY }

	/** The page cache to give the store: the one set, or one that grows with the heap. */
	int pageCacheMegabytes() {
		if (cacheMegabytes != null) {
			return cacheMegabytes;
		}
		long eighthOfHeap = Runtime.getRuntime().maxMemory() / 8 / (1024 * 1024);
		return (int) Math.max(SMALLEST_CACHE, Math.min(LARGEST_CACHE, eighthOfHeap));
	}

}
