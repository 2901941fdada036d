package cn.talentexchange.planning;

import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ExpectedVersion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The coordination office tunes the soft rules; the next plan run uses the new weights. */
@RestController
@RequestMapping("/api/v1/admin/constraint-weights")
class ConstraintWeightsController {

	/** The planner reads them at the start of each run. */
	static final TunedWeights.Key<SoftWeights> WEIGHTS = new TunedWeights.Key<>("constraint-weights", SoftWeights.class,
			SoftWeights.DEFAULTS);

	private final TunedWeights tuned;

	ConstraintWeightsController(TunedWeights tuned) {
		this.tuned = tuned;
	}

	@GetMapping
	Mono<ResponseEntity<TunedWeights.Tuned<SoftWeights>>> get() {
		return tuned.current(WEIGHTS).map(ConstraintWeightsController::versioned);
	}

	@PutMapping
	Mono<ResponseEntity<TunedWeights.Tuned<SoftWeights>>> change(Caller caller, @Valid @RequestBody WeightsChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, change.version()))
			.flatMap(expected -> tuned.change(WEIGHTS, change.weights(), expected, caller.username()))
			.map(ConstraintWeightsController::versioned);
	}

	private static ResponseEntity<TunedWeights.Tuned<SoftWeights>> versioned(TunedWeights.Tuned<SoftWeights> weights) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(weights.version())).body(weights);
	}

	record WeightsChange(@NotNull @Valid SoftWeights weights, @Min(0) Long version) {
	}

}
