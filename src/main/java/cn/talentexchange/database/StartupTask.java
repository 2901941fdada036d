package cn.talentexchange.database;

import reactor.core.publisher.Mono;

/**
 * Work the database needs before the server takes requests: indexes first ({@link #INDEXES}), then seed data.
 * Modules contribute tasks; {@link DatabaseInitializer} runs them in order.
 */
public interface StartupTask {

	int INDEXES = 0;

	int SEEDS = 100;

	int order();

	Mono<Void> run();

}
