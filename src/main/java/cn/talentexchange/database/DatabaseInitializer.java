package cn.talentexchange.database;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Runs the startup tasks once all beans exist and before the web server starts listening, so no request
 * meets a database without its unique indexes or seeds. A failing task stops the application.
 */
@Component
class DatabaseInitializer implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private final List<StartupTask> tasks;

	DatabaseInitializer(List<StartupTask> tasks) {
		this.tasks = tasks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		// Startup, not a request path: waiting here is what keeps the port closed until the data is ready.
		Flux.fromIterable(tasks)
			.sort(Comparator.comparingInt(StartupTask::order))
			.concatMap(StartupTask::run)
			.then()
			.block(LIMIT);
		log.info("Database ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

}
