package cn.talentexchange.assignment;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** How offers fare: made (by a published plan or by hand), accepted, declined by reason, left to expire. */
@Component
class OfferMeters {

	private final Counter madeByPlan;

	private final Counter madeByHand;

	private final Counter accepted;

	private final Map<DeclineReason, Counter> declined = new EnumMap<>(DeclineReason.class);

	private final Counter expired;

	OfferMeters(MeterRegistry registry) {
		this.madeByPlan = made(registry, "plan");
		this.madeByHand = made(registry, "hand");
		this.accepted = Counter.builder("talent.offers.accepted").description("Offers their expert accepted")
			.register(registry);
		for (DeclineReason reason : DeclineReason.values()) {
			declined.put(reason, Counter.builder("talent.offers.declined")
				.description("Offers their expert declined, by the reason given")
				.tag("reason", reason.name())
				.register(registry));
		}
		this.expired = Counter.builder("talent.offers.expired").description("Offers whose deadline passed unanswered")
			.register(registry);
	}

	private static Counter made(MeterRegistry registry, String how) {
		return Counter.builder("talent.offers.made")
			.description("Offers made, by a published plan or by a coordinator's hand")
			.tag("how", how)
			.register(registry);
	}

	void madeByPlan(int count) {
		madeByPlan.increment(count);
	}

	void madeByHand() {
		madeByHand.increment();
	}

	void accepted() {
		accepted.increment();
	}

	void declined(DeclineReason reason) {
		declined.get(reason).increment();
	}

	void expired() {
		expired.increment();
	}

}
