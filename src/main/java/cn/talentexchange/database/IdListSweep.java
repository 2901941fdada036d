package cn.talentexchange.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Fills in the id lists again now and then, on one instance at a time: documents written straight into the store
 * while the service runs (an import, a repair by hand) reach the hot reads within one period. Each sweep reads the
 * listed collections through once, which on the embedded server holds each for a moment, so it is slow.
 */
@Component
class IdListSweep {

	private final Disposable sweep;

	IdListSweep(IdLists lists, Leases leases, Settings settings) {
		this.sweep = leases.whileHolding("id-list-sweep", settings.every(), Flux.empty(), lists::backfillAll);
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		sweep.dispose();
	}

	/** @param every how often the lists are filled in from their collections (10 min) */
	@ConfigurationProperties("talent.database.id-list-sweep")
	record Settings(@DefaultValue("10m") Duration every) {
	}

}
