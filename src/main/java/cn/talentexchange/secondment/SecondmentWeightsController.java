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

	private final SecondmentWeightSettings settings;

	SecondmentWeightsController(SecondmentWeightSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	Mono<ResponseEntity<WeightsView>> get() {
		return settings.current().map(SecondmentWeightsController::view);
	}

	@PutMapping
	Mono<ResponseEntity<WeightsView>> change(Caller caller, @Valid @RequestBody WeightsChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, change.version()))
			.flatMap(expected -> settings.change(change.weights(), expected, caller.username()))
			.map(SecondmentWeightsController::view);
	}

	private static ResponseEntity<WeightsView> view(TunedWeights.Tuned<SecondmentWeights> stored) {
		return ResponseEntity.ok()
			.eTag(ExpectedVersion.entityTag(stored.version()))
			.body(new WeightsView(stored.weights(), SecondmentWeights.DEFAULTS, stored.version(),
					stored.updatedAt() == null ? null : stored.updatedAt().toString(), stored.updatedBy()));
	}

	record WeightsChange(@NotNull @Valid SecondmentWeights weights, @Min(0) Long version) {
	}

	record WeightsView(SecondmentWeights weights, SecondmentWeights defaults, long version, String updatedAt,
			String updatedBy) {
	}

}
