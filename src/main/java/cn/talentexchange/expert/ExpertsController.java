package cn.talentexchange.expert;

import java.net.URI;
import java.time.LocalDate;

import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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

/** Coordinators find and manage experts; admins may look (phone numbers masked). */
@RestController
@RequestMapping("/api/v1/experts")
class ExpertsController {

	private final Experts experts;

	ExpertsController(Experts experts) {
		this.experts = experts;
	}

	@GetMapping
	Mono<PagedList<ExpertView>> search(Caller caller, @RequestParam(required = false) String skill,
			@RequestParam(required = false) Integer minLevel, @RequestParam(required = false) String organisationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableOn,
			@RequestParam(required = false) ExpertStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		ExpertSearch search = new ExpertSearch(skill, minLevel, organisationId, availableOn, status, q);
		return experts.search(search, Paging.of(page, size))
			.map(found -> found.map(expert -> ExpertView.of(expert, caller.isCoordinator())));
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<ExpertView>> get(Caller caller, @PathVariable String id) {
		return experts.find(id, caller).map(expert -> versioned(ExpertView.of(expert, !isAdminOnly(caller))));
	}

	@PostMapping
	Mono<ResponseEntity<ExpertView>> register(@Valid @RequestBody NewExpert input) {
		return experts.register(input)
			.map(expert -> ResponseEntity.created(URI.create("/api/v1/experts/" + expert.id()))
				.eTag(ExpectedVersion.entityTag(expert.version()))
				.body(ExpertView.of(expert, true)));
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<ExpertView>> change(@PathVariable String id, @Valid @RequestBody ExpertChanges input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return Mono.fromCallable(() -> ExpectedVersion.of(ifMatch, input.version()))
			.flatMap(expected -> experts.change(id, input, expected))
			.map(expert -> versioned(ExpertView.of(expert, true)));
	}

	static ResponseEntity<ExpertView> versioned(ExpertView view) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(view.version())).body(view);
	}

	/** Phone numbers are for the expert and coordinators; an admin manages accounts, not contacts. */
	private static boolean isAdminOnly(Caller caller) {
		return !caller.isCoordinator() && caller.has(Role.ADMIN);
	}

}
