package cn.talentexchange.demand;

import java.net.URI;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** County problems: agencies post and manage their own, coordinators all, experts browse open ones. */
@RestController
@RequestMapping("/api/v1/requests")
class RequestsController {

	private final Requests requests;

	RequestsController(Requests requests) {
		this.requests = requests;
	}

	@GetMapping
	Mono<PagedList<Object>> list(Caller caller, @RequestParam(required = false) String countyId,
			@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) ActionCategory category,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return requests.list(caller, countyId, status, category, Paging.of(page, size))
			.map(found -> found.map(request -> view(caller, request)));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Object>> get(Caller caller, @PathVariable String id) {
		return requests.find(id, caller).map(request -> versioned(request, view(caller, request)));
	}

	@PostMapping
	Mono<ResponseEntity<RequestView>> create(Caller caller, @Valid @RequestBody RequestInput input) {
		return requests.create(caller, input)
			.map(request -> ResponseEntity.created(URI.create("/api/v1/requests/" + request.id()))
				.eTag(ExpectedVersion.entityTag(request.version()))
				.body(RequestView.of(request)));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<RequestView>> change(Caller caller, @PathVariable String id,
			@Valid @RequestBody RequestInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, input.version()))
			.flatMap(expected -> requests.change(id, caller, input, expected))
			.map(request -> versioned(request, RequestView.of(request)));
	}

	@PostMapping("/{id}/open")
	Mono<ResponseEntity<RequestView>> open(Caller caller, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return requests.open(id, caller, ifMatch).map(request -> versioned(request, RequestView.of(request)));
	}

	@PostMapping("/{id}/cancel")
	Mono<ResponseEntity<RequestView>> cancel(Caller caller, @PathVariable String id,
			@Valid @RequestBody Cancellation cancellation,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return requests.cancel(id, caller, cancellation.reason(), ifMatch)
			.map(request -> versioned(request, RequestView.of(request)));
	}

	private static Object view(Caller caller, DemandRequest request) {
		boolean insider = caller.isCoordinator() || caller.has(Role.COUNTY_AGENCY);
		return insider ? RequestView.of(request) : PublicRequestView.of(request);
	}

	private static <T> ResponseEntity<T> versioned(DemandRequest request, T body) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(request.version())).body(body);
	}

	record Cancellation(@NotBlank @Size(max = 500) String reason) {
	}

}
