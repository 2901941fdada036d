package cn.talentexchange.notification;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays waiting notices right after a change wrote some, and in a sweep every 15 s for what a crash or another
 * instance left; sends due pushes every second and right after a relay. Both are safe on several instances at once,
 * so no lease is needed here: the relay writes onto fixed ids and the dispatcher claims each notification by a conditional update.
 */
@Component
@ConditionalOnProperty(name = "talent.notifications.scheduled", matchIfMissing = true)
class NotificationSchedule {

	private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

	private static final Duration FIRST_SWEEP_AFTER = Duration.ofSeconds(5);

	private final Disposable relay;

	private final Disposable dispatch;

	NotificationSchedule(Outbox outbox, NotificationDispatcher dispatcher, NotificationSettings settings) {
		// Two loops: a slow push channel must not hold up the inboxes. The first sweep comes soon after start, for
		// what a crash left waiting.
		this.relay = repeat(Flux.merge(Flux.interval(FIRST_SWEEP_AFTER, settings.relaySweep()), outbox.nudges()),
				outbox.relay(), "relay");
		this.dispatch = repeat(Flux.merge(Flux.interval(settings.every()), outbox.relayed()), dispatcher.dispatch(),
				"dispatch");
	}

	private static Disposable repeat(Flux<?> ticks, Mono<Long> pass, String name) {
		return ticks
			// While a pass runs, further ticks are dropped: the pass in progress or the next tick covers them.
			.onBackpressureDrop()
			.concatMap(tick -> pass.onErrorResume(failure -> {
				log.warn("Notification {} failed; the next round tries again", name, failure);
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		relay.dispose();
		dispatch.dispose();
	}

}
