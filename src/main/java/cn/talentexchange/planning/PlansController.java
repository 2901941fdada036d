package cn.talentexchange.planning;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import cn.talentexchange.security.Caller;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Coordinators plan weekends: start a run, watch it, stop it, read why, publish it. */
@RestController
@RequestMapping("/api/v1/plans")
class PlansController {

	private final PlanRuns plans;

	private final Clock clock;

	PlansController(PlanRuns plans, Clock clock) {
		this.plans = plans;
		this.clock = clock;
	}

	@PostMapping
	Mono<ResponseEntity<PlanView>> start(Caller caller, @Valid @RequestBody PlanWindow window) {
		return plans.start(window, caller)
			.map(run -> ResponseEntity.accepted().location(URI.create("/api/v1/plans/" + run.id())).body(view(run)));
	}

	@GetMapping
	Mono<PagedList<PlanView>> list(@RequestParam(required = false) RunStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return plans.list(status, Paging.of(page, size)).map(found -> found.map(this::view));
	}

	@GetMapping("/{id}")
	Mono<PlanView> get(@PathVariable String id) {
		return plans.find(id).map(this::view);
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<PlanProgress>> events(@PathVariable String id) {
		return plans.progress(id).map(progress -> ServerSentEvent.builder(progress)
			.event(RunStatus.RUNNING.contains(progress.status()) ? "progress" : "end")
			.build());
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<PlanView>> stop(@PathVariable String id) {
		return plans.stop(id).map(run -> ResponseEntity.accepted().body(view(run)));
	}

	@GetMapping("/{id}/analysis")
	Mono<PlanAnalysis> analysis(@PathVariable String id) {
		return plans.find(id).map(run -> new PlanAnalysis(run.id(), run.status(), ScoreView.parse(run.score()),
				run.constraints(), run.proposals()));
	}

	@PostMapping("/{id}/publish")
	Mono<PlanRuns.PublishResult> publish(@PathVariable String id) {
		return plans.publish(id);
	}

	private PlanView view(PlanRun run) {
		return PlanView.of(run, clock.instant());
	}

	/** Score per rule, and per seat position who the plan puts there and the rules that scored on it. */
	record PlanAnalysis(String planId, RunStatus status, ScoreView score, List<PlanRun.ConstraintTotal> constraints,
			List<PlanRun.Proposal> assignments) {
	}

}
