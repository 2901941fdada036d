package cn.talentexchange.secondment;

import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.secondment.solver.SecondmentWeights;
import cn.talentexchange.web.ExpectedVersion;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The matcher's soft weights as the coordination office chose them; the defaults until first changed. */
@Component
class SecondmentWeightSettings {

	private static final String ID = "secondment-weights";

	private final TunedWeights tuned;

	SecondmentWeightSettings(TunedWeights tuned) {
		this.tuned = tuned;
	}

	Mono<TunedWeights.Tuned<SecondmentWeights>> current() {
		return tuned.current(ID, SecondmentWeights.class, SecondmentWeights.DEFAULTS);
	}

	Mono<TunedWeights.Tuned<SecondmentWeights>> change(SecondmentWeights weights, ExpectedVersion expected,
			String username) {
		return tuned.change(ID, SecondmentWeights.class, weights, expected, username);
	}

}
