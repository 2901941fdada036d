package cn.talentexchange.planning;

import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.web.ExpectedVersion;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The soft weights the coordination office chose; the defaults until they first change them. */
@Component
class ConstraintWeightSettings {

	private static final String ID = "constraint-weights";

	private final TunedWeights tuned;

	ConstraintWeightSettings(TunedWeights tuned) {
		this.tuned = tuned;
	}

	Mono<TunedWeights.Tuned<SoftWeights>> current() {
		return tuned.current(ID, SoftWeights.class, SoftWeights.DEFAULTS);
	}

	Mono<TunedWeights.Tuned<SoftWeights>> change(SoftWeights weights, ExpectedVersion expected, String username) {
		return tuned.change(ID, SoftWeights.class, weights, expected, username);
	}

}
