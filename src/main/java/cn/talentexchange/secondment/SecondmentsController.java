package cn.talentexchange.secondment;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import cn.talentexchange.expert.Experts;
import cn.talentexchange.secondment.Secondment.Side;
import cn.talentexchange.secondment.SecondmentPost.PostStatus;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Mutual secondments (双挂): posts, candidates, placements and their approvals, and the reciprocity ledger. */
@RestController
@RequestMapping("/api/v1/secondments")
class SecondmentsController {

	private final SecondmentCatalog catalog;

	private final Placements placements;

	private final SecondmentDesk desk;

	private final Ledger ledger;

	private final Experts experts;

	private final ReactiveMongoTemplate mongo;

	SecondmentsController(SecondmentCatalog catalog, Placements placements, SecondmentDesk desk, Ledger ledger,
			Experts experts, ReactiveMongoTemplate mongo) {
		this.catalog = catalog;
		this.placements = placements;
		this.desk = desk;
		this.ledger = ledger;
		this.experts = experts;
		this.mongo = mongo;
	}

	@GetMapping("/organisations")
	Mono<PagedList<SecondmentOrganisation>> organisations(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		return mongo.findAll(SecondmentOrganisation.class).sort(Comparator.comparing(SecondmentOrganisation::id))
			.collectList()
			.map(all -> PagedList.slice(all, paging));
	}

	@PostMapping("/posts")
	Mono<ResponseEntity<SecondmentPost>> createPost(Caller caller, @Valid @RequestBody SecondmentCatalog.PostInput input) {
		return catalog.createPost(caller, input).map(post -> ResponseEntity
			.created(URI.create("/api/v1/secondments/posts/" + post.id())).body(post));
	}

	@GetMapping("/posts")
	Mono<PagedList<SecondmentPost>> posts(Caller caller, @RequestParam(required = false) PostStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return catalog.posts(caller, status, Paging.of(page, size));
	}

	@GetMapping("/posts/{id}")
	Mono<SecondmentPost> post(Caller caller, @PathVariable String id) {
		return catalog.post(id, caller);
	}

	@PostMapping("/candidates")
	Mono<ResponseEntity<SecondmentCandidate>> createCandidate(Caller caller,
			@Valid @RequestBody SecondmentCatalog.CandidateInput input) {
		return catalog.createCandidate(caller, input).map(candidate -> ResponseEntity
			.created(URI.create("/api/v1/secondments/candidates/" + candidate.id())).body(candidate));
	}

	@GetMapping("/candidates")
	Mono<PagedList<SecondmentCandidate>> candidates(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return catalog.candidates(caller, Paging.of(page, size));
	}

	@GetMapping("/candidates/{id}")
	Mono<SecondmentCandidate> candidate(Caller caller, @PathVariable String id) {
		return catalog.candidate(id, caller);
	}

	/** A nomination by hand; a repeat of the same post and candidate answers with the same placement. */
	@PostMapping("/placements")
	Mono<ResponseEntity<Secondment>> nominate(Caller caller, @Valid @RequestBody Nomination input) {
		return desk.nominate(caller, input.postId(), input.candidateId()).map(placement -> ResponseEntity
			.created(URI.create("/api/v1/secondments/placements/" + placement.id()))
			.eTag(ExpectedVersion.entityTag(placement.version()))
			.body(placement));
	}

	@GetMapping("/placements")
	Mono<PagedList<Secondment>> list(Caller caller, @RequestParam(required = false) SecondmentStatus status,
			@RequestParam(required = false) String postId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return placements.list(caller, status, postId, Paging.of(page, size));
	}

	/** A cadre who is also a weekend expert sees their own placements. */
	@GetMapping("/me")
	Mono<PagedList<Secondment>> mine(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = Paging.of(page, size);
		return experts.idOf(caller).flatMap(expertId -> placements.ofExpert(expertId, paging));
	}

	@GetMapping("/ledger")
	Mono<Ledger.LedgerView> ledger(Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ledger.compute(caller, from, to);
	}

	@GetMapping("/placements/{id}")
	Mono<ResponseEntity<Secondment>> get(Caller caller, @PathVariable String id) {
		return placements.find(id, caller).map(SecondmentsController::versioned);
	}

	@PostMapping("/placements/{id}/approve")
	Mono<ResponseEntity<Secondment>> approve(Caller caller, @PathVariable String id, @Valid @RequestBody SideInput input) {
		return placements.approve(id, caller, input.side()).map(SecondmentsController::versioned);
	}

	@PostMapping("/placements/{id}/extension")
	Mono<ResponseEntity<Secondment>> askExtension(Caller caller, @PathVariable String id,
			@Valid @RequestBody ExtensionInput input) {
		return placements.askExtension(id, caller, input.side(), input.newEnd()).map(SecondmentsController::versioned);
	}

	@PostMapping("/placements/{id}/extension/approve")
	Mono<ResponseEntity<Secondment>> approveExtension(Caller caller, @PathVariable String id,
			@Valid @RequestBody SideInput input) {
		return placements.approveExtension(id, caller, input.side()).map(SecondmentsController::versioned);
	}

	@PostMapping("/placements/{id}/terminate")
	Mono<ResponseEntity<Secondment>> terminate(Caller caller, @PathVariable String id,
			@Valid @RequestBody Termination input) {
		return placements.terminate(id, caller, input.reason()).map(SecondmentsController::versioned);
	}

	private static ResponseEntity<Secondment> versioned(Secondment placement) {
		return ResponseEntity.ok().eTag(ExpectedVersion.entityTag(placement.version())).body(placement);
	}

	record Nomination(@NotBlank @Size(max = 64) String postId, @NotBlank @Size(max = 64) String candidateId) {
	}

	/** The HR side the caller acts for: HOME (the sending organisation) or HOST (the receiving one). */
	record SideInput(@NotNull Side side) {
	}

	record ExtensionInput(@NotNull Side side, @NotNull LocalDate newEnd) {
	}

	record Termination(@NotBlank @Size(max = 500) String reason) {
	}

}
