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
 *        decoded, so a larger cache helps reads that touch much of a large store (16 MiB, H2's own default; 64 was
 *        measured no quicker for the phone's reads)
 */
@ConfigurationProperties("talent.embedded-mongo")
public record EmbeddedMongoSettings(
		@DefaultValue("h2") Backend backend,
		@DefaultValue("data/talent-exchange.mv") String file,
		@DefaultValue("talent") String database, @DefaultValue("true") boolean forceWrites,
		@DefaultValue("16") int cacheMegabytes) {

	public enum Backend { H2, MEMORY }

}
