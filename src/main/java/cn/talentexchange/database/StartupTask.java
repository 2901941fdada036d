package cn.talentexchange.database;

import reactor.core.publisher.Mono;

/**
 * Work the database needs before the server takes requests: indexes first ({@link #INDEXES}), then
 * migrations of older documents, then seed data.
 * Modules contribute tasks; {@link DatabaseInitializer} runs them in order.
 */
public interface StartupTask {

	int INDEXES = 0;

	/** Documents written by an earlier release brought up to the current shape. */
	int MIGRATIONS = 50;

	int SEEDS = 100;

	/** The id lists of {@link IdLists}, filled in for whatever the store holds by now, seeds included. */
	int LISTS = 150;

	int order();

	Mono<Void> run();

}
