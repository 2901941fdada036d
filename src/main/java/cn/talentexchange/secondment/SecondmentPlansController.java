package cn.talentexchange.secondment;

import java.net.URI;

import cn.talentexchange.security.Caller;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The secondment matcher: start a run over the open posts, watch it, read its proposals, publish them. */
@RestController
@RequestMapping("/api/v1/secondments/plans")
class SecondmentPlansController {

	private final SecondmentPlanning planning;

	SecondmentPlansController(SecondmentPlanning planning) {
		this.planning = planning;
	}

	@PostMapping
	Mono<ResponseEntity<SecondmentPlanView>> start(Caller caller) {
		return planning.start(caller).map(run -> ResponseEntity.accepted()
			.location(URI.create("/api/v1/secondments/plans/" + run.id()))
			.body(SecondmentPlanView.of(run)));
	}

	/** Newest first; each run as the caller may see it. */
	@GetMapping
	Mono<PagedList<SecondmentPlanView>> list(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return planning.list(caller, Paging.of(page, size)).map(runs -> runs.map(SecondmentPlanView::of));
	}

	@GetMapping("/{id}")
	Mono<SecondmentPlanView> get(Caller caller, @PathVariable String id) {
		return planning.find(id, caller).map(SecondmentPlanView::of);
	}

	/** The run every half second while it solves; the last event is named "end". */
	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<SecondmentPlanView>> events(Caller caller, @PathVariable String id) {
		return planning.progress(id, caller).map(run -> ServerSentEvent.builder(SecondmentPlanView.of(run))
			.event(RunStatus.RUNNING.contains(run.status()) ? "progress" : "end")
			.build());
	}

	@PostMapping("/{id}/publish")
	Mono<SecondmentPlanning.PublishResult> publish(Caller caller, @PathVariable String id) {
		return planning.publish(id, caller);
	}

}
