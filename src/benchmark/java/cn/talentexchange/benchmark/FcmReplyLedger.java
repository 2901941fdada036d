package cn.talentexchange.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import cn.talentexchange.notification.FakeFcm;
import cn.talentexchange.notification.FakeFcm.Received;
import cn.talentexchange.notification.FakeFcm.Reply;

/**
 * Wraps a {@link FakeFcm} rule and keeps the books on what the fake answered: posts, replies by status, and
 * how many 200s each (notification, device) pair got, which is what a phone would have shown.
 */
final class FcmReplyLedger implements Function<Received, Reply> {

	private final Function<Received, Reply> rule;

	private final LongAdder posts = new LongAdder();

	private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> deliveredByKey = new ConcurrentHashMap<>();

	FcmReplyLedger(Function<Received, Reply> rule) {
		this.rule = rule;
	}

	@Override
	public Reply apply(Received received) {
		Reply reply = rule.apply(received);
		posts.increment();
		byStatus.computeIfAbsent(reply.status(), status -> new LongAdder()).increment();
		if (reply.status() == 200) {
			deliveredByKey.computeIfAbsent(received.notificationId() + "|" + received.token(), key -> new AtomicInteger())
				.incrementAndGet();
		}
		return reply;
	}

	long posts() {
		return posts.sum();
	}

	long replies(int status) {
		LongAdder count = byStatus.get(status);
		return count == null ? 0 : count.sum();
	}

	/** Pairs that received a 200 more than once: the phone got the message twice. */
	long duplicated() {
		return deliveredByKey.values().stream().filter(count -> count.get() > 1).count();
	}

	/** Pairs that received at least one 200. */
	long delivered() {
		return deliveredByKey.size();
	}

}
