package cn.talentexchange.secondment;

import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.secondment.solver.SecondmentWeights;
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

/** The coordination office tunes the secondment matcher's soft rules; the next run uses the new weights. */
@RestController
@RequestMapping("/api/v1/admin/secondment-weights")
class SecondmentWeightsController {

	/** The matcher reads them at the start of each run. */
	static final TunedWeights.Key<SecondmentWeights> WEIGHTS = new TunedWeights.Key<>("secondment-weights",
			SecondmentWeights.class, SecondmentWeights.DEFAULTS);

	private final TunedWeights tuned;

	SecondmentWeightsController(TunedWeights tuned) {
		this.tuned = tuned;
	}

	@GetMapping
	Mono<ResponseEntity<TunedWeights.Tuned<SecondmentWeights>>> get() {
		return tuned.current(WEIGHTS).map(SecondmentWeightsController::versioned);
	}

	@PutMapping
	Mono<ResponseEntity<TunedWeights.Tuned<SecondmentWeights>>> change(Caller caller,
			@Valid @RequestBody WeightsChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, change.version()))
			.flatMap(expected -> tuned.change(WEIGHTS, change.weights(), expected, caller.username()))
			.map(SecondmentWeightsController::versioned);
	}

	private static ResponseEntity<TunedWeights.Tuned<SecondmentWeights>> versioned(
			TunedWeights.Tuned<SecondmentWeights> weights) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(weights.version())).body(weights);
	}

	record WeightsChange(@NotNull @Valid SecondmentWeights weights, @Min(0) Long version) {
	}

}
