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

	private final ConstraintWeightSettings settings;

	ConstraintWeightsController(ConstraintWeightSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	Mono<ResponseEntity<WeightsView>> get() {
		return settings.current().map(ConstraintWeightsController::view);
	}

	@PutMapping
	Mono<ResponseEntity<WeightsView>> change(Caller caller, @Valid @RequestBody WeightsChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, change.version()))
			.flatMap(expected -> settings.change(change.weights(), expected, caller.username()))
			.map(ConstraintWeightsController::view);
	}

	private static ResponseEntity<WeightsView> view(TunedWeights.Tuned<SoftWeights> stored) {
		return ResponseEntity.ok()
			.eTag(ExpectedVersion.entityTag(stored.version()))
			.body(new WeightsView(stored.weights(), SoftWeights.DEFAULTS, stored.version(),
					stored.updatedAt() == null ? null : stored.updatedAt().toString(), stored.updatedBy()));
	}

	record WeightsChange(@NotNull @Valid SoftWeights weights, @Min(0) Long version) {
	}

	record WeightsView(SoftWeights weights, SoftWeights defaults, long version, String updatedAt, String updatedBy) {
	}

}
