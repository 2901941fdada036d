package cn.talentexchange.notification;

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
 * Relays waiting notices and sends due pushes every second and right after a change wrote notices. Both
 * steps are safe on several instances at once, so no lease is needed here: the relay writes onto fixed ids
 * and the dispatcher claims each notification by a conditional update.
 */
@Component
@ConditionalOnProperty(name = "talent.notifications.scheduled", matchIfMissing = true)
class NotificationSchedule {

	private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

	private final Disposable schedule;

	NotificationSchedule(Outbox outbox, NotificationDispatcher dispatcher, NotificationSettings settings) {
		this.schedule = Flux.merge(Flux.interval(settings.every()), outbox.nudges())
			// While a pass runs, further ticks are dropped: the pass in progress or the next tick covers them.
			.onBackpressureDrop()
			.concatMap(tick -> outbox.relay()
				.then(dispatcher.dispatch())
				.onErrorResume(failure -> {
					log.warn("Notification pass failed; the next one tries again", failure);
					return Mono.empty();
				}), 1)
			.subscribe();
	}

	/** Stops before the database client and the event loops close, which would otherwise wait on its queries. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		schedule.dispose();
	}

}
