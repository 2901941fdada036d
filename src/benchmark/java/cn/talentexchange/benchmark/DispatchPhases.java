package cn.talentexchange.benchmark;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import cn.talentexchange.notification.PushGateway;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import reactor.core.publisher.Mono;

/**
 * Where a dispatcher round spends its time, measured from outside the dispatcher (its code is not changed
 * for the benchmark): every MongoDB command it sends, told apart by its shape, and every call of the push
 * gateway. Rounds of several workers overlap, so the sums are busy time, not wall time.
 */
final class DispatchPhases implements CommandListener {

	enum Phase {
		CLAIM_PICK("claim: read list, sample"), CLAIM_MARK("claim: mark claimed"), CLAIM_READ("claim: read claimed"),
		LIST("list: take settled out"),
		DEVICES("devices: read experts"), SEND("send: SDK sendEachAsync"), RECORD("record: bulk write"),
		FORGET("forget gone devices"), OTHER("other database commands");

		final String label;

		Phase(String label) {
			this.label = label;
		}
	}

	/**
	 * One phase's figures over a run; the mean call at the start and at the end of the run (first and last tenth
	 * of its calls) shows whether a call's cost grows as the collection fills with finished notifications.
	 */
	record Figures(Phase phase, long calls, double seconds, double firstTenthMillis, double lastTenthMillis) {
	}

	private final Map<Phase, LongAdder> calls = new EnumMap<>(Phase.class);

	private final Map<Phase, LongAdder> nanos = new EnumMap<>(Phase.class);

	private final Map<Phase, Queue<Long>> each = new EnumMap<>(Phase.class);

	/** Claim updates that marked nothing: another worker had just claimed the same ids. */
	private final LongAdder emptyClaims = new LongAdder();

	private final Map<Integer, Phase> running = new ConcurrentHashMap<>();

	/** Cursors of finds still being read, so their getMores count where the find did. */
	private final Map<Long, Phase> cursors = new ConcurrentHashMap<>();

	DispatchPhases() {
		for (Phase phase : Phase.values()) {
			calls.put(phase, new LongAdder());
			nanos.put(phase, new LongAdder());
			each.put(phase, new ConcurrentLinkedQueue<>());
		}
	}

	void reset() {
		calls.values().forEach(LongAdder::reset);
		nanos.values().forEach(LongAdder::reset);
		each.values().forEach(Queue::clear);
		emptyClaims.reset();
	}

	long emptyClaims() {
		return emptyClaims.sum();
	}

	List<Figures> figures() {
		return calls.keySet().stream()
			.filter(phase -> calls.get(phase).sum() > 0)
			.map(phase -> {
				List<Long> durations = List.copyOf(each.get(phase));
				int tenth = Math.max(1, durations.size() / 10);
				return new Figures(phase, calls.get(phase).sum(), nanos.get(phase).sum() / 1e9,
						meanMillis(durations.subList(0, tenth)), meanMillis(durations.subList(durations.size() - tenth, durations.size())));
			})
			.toList();
	}

	private static double meanMillis(List<Long> nanos) {
		return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
	}

	/** The gateway with each call timed from subscription to outcomes. */
	PushGateway timed(PushGateway gateway) {
		return new PushGateway() {

			@Override
			public String channel() {
				return gateway.channel();
			}

			@Override
			public Mono<List<Outcome>> send(List<Message> messages) {
				return Mono.defer(() -> {
					long start = System.nanoTime();
					return gateway.send(messages).doOnSuccess(outcomes -> add(Phase.SEND, System.nanoTime() - start));
				});
			}

		};
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		running.put(event.getRequestId(), classify(event.getCommandName(), event.getCommand()));
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		Phase phase = running.remove(event.getRequestId());
		if (phase == null) {
			return;
		}
		BsonDocument cursor = event.getResponse().getDocument("cursor", null);
		if (cursor != null && cursor.getInt64("id").longValue() != 0) {
			cursors.put(cursor.getInt64("id").longValue(), phase);
		}
		if (phase == Phase.CLAIM_MARK && event.getResponse().getNumber("n").intValue() == 0) {
			emptyClaims.increment();
		}
		add(phase, event.getElapsedTime(TimeUnit.NANOSECONDS));
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		Phase phase = running.remove(event.getRequestId());
		if (phase != null) {
			add(phase, event.getElapsedTime(TimeUnit.NANOSECONDS));
		}
	}

	private void add(Phase phase, long elapsed) {
		calls.get(phase).increment();
		nanos.get(phase).add(elapsed);
		each.get(phase).add(elapsed);
	}

	/** Tells the dispatcher's commands apart by collection and shape (see NotificationDispatcher). */
	private Phase classify(String name, BsonDocument command) {
		switch (name) {
			case "getMore" -> {
				// Taken out here and put back by the reply while the cursor has more to give.
				Phase phase = cursors.remove(command.getInt64("getMore").longValue());
				return phase == null ? Phase.OTHER : phase;
			}
			case "find" -> {
				String collection = command.getString("find").getValue();
				if (collection.equals("experts")) {
					return Phase.DEVICES;
				}
				if (collection.equals("idLists")) {
					return Phase.CLAIM_PICK;
				}
				if (!collection.equals("notifications")) {
					return Phase.OTHER;
				}
				BsonDocument projection = command.getDocument("projection", null);
				return projection != null && projection.containsKey("delivery.state") ? Phase.CLAIM_PICK : Phase.CLAIM_READ;
			}
			case "update" -> {
				String collection = command.getString("update").getValue();
				if (collection.equals("experts")) {
					return Phase.FORGET;
				}
				if (collection.equals("idLists")) {
					return Phase.LIST;
				}
				if (!collection.equals("notifications")) {
					return Phase.OTHER;
				}
				List<BsonValue> updates = command.getArray("updates").getValues();
				boolean recording = !updates.isEmpty() && updates.get(0).asDocument().getDocument("q").containsKey("delivery.claimedBy");
				return recording ? Phase.RECORD : Phase.CLAIM_MARK;
			}
			default -> {
				return Phase.OTHER;
			}
		}
	}

}
