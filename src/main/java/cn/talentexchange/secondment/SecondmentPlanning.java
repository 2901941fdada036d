package cn.talentexchange.secondment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.planning.ScoreView;
import cn.talentexchange.secondment.solver.PositionSlot;
import cn.talentexchange.secondment.solver.SecondmentPlan;
import cn.talentexchange.security.Caller;
import cn.talentexchange.solving.RunKind;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.solving.SolveJob;
import cn.talentexchange.solving.SolverEngine;
import cn.talentexchange.solving.SolverEngines;
import cn.talentexchange.solving.SolverRunner;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;
import org.bson.types.ObjectId;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.Indictment;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The secondment matcher: each run goes to the solver runner, in the same queue and slot as the weekend plans,
 * and a run that ended with a plan is published as NOMINATED placements awaiting both HR sides' approval.
 */
@Component
class SecondmentPlanning implements RunKind {

	private final ReactiveMongoTemplate mongo;

	private final SecondmentReferences organisations;

	private final Placements placements;

	private final SecondmentSettings settings;

	private final TunedWeights tuned;

	private final SolverEngines engines;

	private final SolverRunner runner;

	private final Clock clock;

	private final PagedQueries pages;

	SecondmentPlanning(ReactiveMongoTemplate mongo, SecondmentReferences organisations, Placements placements,
			SecondmentSettings settings, TunedWeights tuned, SolverEngines engines, SolverRunner runner, Clock clock,
			PagedQueries pages) {
		this.engines = engines;
		this.runner = runner;
		this.tuned = tuned;
		this.pages = pages;
		this.mongo = mongo;
		this.organisations = organisations;
		this.placements = placements;
		this.settings = settings;
		this.clock = clock;
	}

	/** Records the run, then loads the open posts and all candidates and solves in the background. */
	Mono<SecondmentPlanRun> start(Caller caller) {
		Instant now = clock.instant();
		SecondmentPlanRun run = new SecondmentPlanRun(new ObjectId().toHexString(), RunStatus.QUEUED,
				caller.username(), now, null, null, null, 0, 0, List.of(), null, null, 0, now);
		// Compiling the configuration the first time is blocking work: not for an event loop.
		return Mono.fromCallable(() -> engines.engine(settings.solverProfile(), SecondmentPlan.class, SecondmentPlan::getScore))
			.subscribeOn(Schedulers.boundedElastic())
			.then(mongo.insert(run))
			.doOnSuccess(this::solveInBackground);
	}

	Mono<PagedList<SecondmentPlanRun>> list(Caller caller, Paging paging) {
		return pages.page(new Query(), Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")), paging,
				SecondmentPlanRun.class).map(found -> found.map(run -> visibleTo(caller, run)));
	}

	Mono<SecondmentPlanRun> find(String id, Caller caller) {
		return mongo.findById(id, SecondmentPlanRun.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment plan", id)))
			.map(run -> visibleTo(caller, run));
	}

	/** A coordinator sees every proposal; an HR bureau those whose post or candidate is in its areas. */
	private static SecondmentPlanRun visibleTo(Caller caller, SecondmentPlanRun run) {
		return HrScope.seesAll(caller) ? run : new SecondmentPlanRun(run.id(), run.status(), run.requestedBy(),
					run.createdAt(), run.startedAt(), run.finishedAt(), run.score(), run.positions(), run.filled(),
					run.proposals().stream().filter(proposal -> HrScope.actsFor(caller, proposal.hostAreaId())
							|| proposal.homeAreaId() != null && HrScope.actsFor(caller, proposal.homeAreaId())).toList(),
					run.failure(), run.publishedAt(), run.version(), run.updatedAt());
	}

	/** The run as it stands, every half second, until it has ended. */
	Flux<SecondmentPlanRun> progress(String id, Caller caller) {
		return Flux.interval(Duration.ZERO, Duration.ofMillis(500))
			.concatMap(tick -> find(id, caller))
			.takeUntil(run -> !RunStatus.RUNNING.contains(run.status()));
	}

	/**
	 * Nominates every proposed placement that breaks no hard rule. Each id derives from the run and the post
	 * position, so publishing again (or after a crash half-way) nominates nobody twice; a person placed
	 * elsewhere since is left out.
	 */
	Mono<PublishResult> publish(String id, Caller caller) {
		return mongo.findById(id, SecondmentPlanRun.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("secondment plan", id)))
			.flatMap(run -> {
				if (!RunStatus.ENDED_WITH_PLAN.contains(run.status())) {
					return Mono.<PublishResult>error(new ApiProblem(ProblemType.INVALID_STATE,
							"Only a solved or stopped plan can be published", Map.of("currentStatus", run.status().name())));
				}
				// Some hard rules (too many away from one organisation) score on no single position: check the whole.
				if (run.score() == null || ScoreView.breaksHardRule(run.score())) {
					return Mono.<PublishResult>error(new ApiProblem(ProblemType.INVALID_STATE,
							"The plan breaks hard rules (" + run.score() + ")", Map.of("currentStatus", run.status().name())));
				}
				return Mono.zip(organisations.organisations(), organisations.pairingsByArea())
					.flatMap(references -> Flux.fromIterable(run.proposals())
						.filter(proposal -> proposal.candidateId() != null && !breaksHardRule(proposal))
						.concatMap(proposal -> nominate(run, proposal, references.getT1(), references.getT2(), caller))
						.collectList())
					.map(outcomes -> new PublishResult(id, (int) outcomes.stream().filter(Boolean::booleanValue).count(),
							(int) outcomes.stream().filter(created -> !created).count()))
					.flatMap(result -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("publishedAt").is(null)),
							new Update().set("publishedAt", clock.instant()).inc("version", 1), SecondmentPlanRun.class)
						.thenReturn(result));
			});
	}

	private Mono<Boolean> nominate(SecondmentPlanRun run, SecondmentPlanRun.Proposal proposal,
			Map<String, SecondmentOrganisation> byId, Map<String, Pairing> byArea, Caller caller) {
		return Mono.zip(mongo.findById(proposal.postId(), SecondmentPost.class),
				mongo.findById(proposal.candidateId(), SecondmentCandidate.class))
			.flatMap(loaded -> {
				SecondmentOrganisation home = byId.get(loaded.getT2().homeOrganisationId());
				SecondmentOrganisation host = byId.get(loaded.getT1().hostOrganisationId());
				return placements.nominate(run.id() + "-" + proposal.postId() + "-" + proposal.position(), loaded.getT1(),
						loaded.getT2(), home, SecondmentReferences.pairingOf(home, host, byArea), run.id(), caller.username());
			})
			.map(placed -> true)
			.onErrorResume(ApiProblem.class, placedElsewhere -> Mono.just(false))
			.defaultIfEmpty(false);
	}

	private static boolean breaksHardRule(SecondmentPlanRun.Proposal proposal) {
		return proposal.scoredBy().stream().anyMatch(scored -> ScoreView.breaksHardRule(scored.score()));
	}

	private void solveInBackground(SecondmentPlanRun run) {
		runner.submit(new MatchJob(run.id(), this, engines.engine(settings.solverProfile(), SecondmentPlan.class,
				SecondmentPlan::getScore)));
	}

	@Override
	public Class<?> runType() {
		return SecondmentPlanRun.class;
	}

	private static int filled(SecondmentPlan plan) {
		return (int) plan.getSlots().stream().filter(slot -> slot.getCandidate() != null).count();
	}

	/** One matcher run: loads the open posts and all candidates, and records each proposal with the rules that scored on it. */
	private final class MatchJob implements SolveJob<SecondmentPlan> {

		private final String runId;

		private final RunKind kind;

		private final SolverEngine<SecondmentPlan> engine;

		private volatile Names names;

		MatchJob(String runId, RunKind kind, SolverEngine<SecondmentPlan> engine) {
			this.runId = runId;
			this.kind = kind;
			this.engine = engine;
		}

		@Override
		public String runId() {
			return runId;
		}

		@Override
		public RunKind kind() {
			return kind;
		}

		@Override
		public SolverEngine<SecondmentPlan> engine() {
			return engine;
		}

		@Override
		public Mono<SecondmentPlan> problem() {
			LocalDate today = LocalDate.now(clock);
			return Mono.zip(mongo.findAll(SecondmentPost.class).collectList(),
					mongo.findAll(SecondmentCandidate.class).collectList(), mongo.findAll(Secondment.class).collectList(),
					organisations.organisations(), organisations.pairingsByArea(),
					tuned.current(SecondmentWeightsController.WEIGHTS))
				.map(loaded -> {
					names = new Names(
							loaded.getT1().stream().collect(Collectors.toMap(SecondmentPost::id, SecondmentPost::role)),
							loaded.getT2().stream().collect(Collectors.toMap(SecondmentCandidate::id, SecondmentCandidate::name)));
					return SecondmentProblemBuilder.build(today, loaded.getT1(), loaded.getT2(), loaded.getT3(),
							loaded.getT4(), loaded.getT5(), settings.maxAwayPerOrganisation(), loaded.getT6().weights());
				});
		}

		@Override
		public int positions(SecondmentPlan plan) {
			return plan.getSlots().size();
		}

		@Override
		public int filled(SecondmentPlan plan) {
			return SecondmentPlanning.filled(plan);
		}

		@Override
		public Update progress(SecondmentPlan best) {
			return new Update().set("positions", positions(best)).set("filled", filled(best));
		}

		@Override
		public Update outcome(SecondmentPlan best) {
			ScoreExplanation<SecondmentPlan, HardMediumSoftLongScore> explanation = engine.solutionManager().explain(best);
			Map<Object, Indictment<HardMediumSoftLongScore>> indictments = explanation.getIndictmentMap();
			List<SecondmentPlanRun.Proposal> proposals = new ArrayList<>();
			for (PositionSlot slot : best.getSlots()) {
				Indictment<HardMediumSoftLongScore> indictment = indictments.get(slot);
				List<SecondmentPlanRun.RuleScore> scoredBy = indictment == null ? List.of() : indictment.getConstraintMatchSet()
					.stream()
					// A rule that matched at no cost (a level gap of zero) did not score: it is not a reason.
					.filter(match -> !match.getScore().isZero())
					.map(match -> new SecondmentPlanRun.RuleScore(match.getConstraintName(), match.getScore().toString()))
					.sorted(Comparator.comparing(SecondmentPlanRun.RuleScore::constraint))
					.toList();
				proposals.add(new SecondmentPlanRun.Proposal(slot.getPost().id(), slot.getPosition(),
						names.roles().getOrDefault(slot.getPost().id(), ""), slot.getPost().hostOrganisationId(),
						slot.getPost().hostAreaId(), slot.getPost().period(),
						slot.getCandidate() == null ? null : slot.getCandidate().id(),
						slot.getCandidate() == null ? null : names.candidates().get(slot.getCandidate().id()),
						slot.getCandidate() == null ? null : slot.getCandidate().homeOrganisationId(),
						slot.getCandidate() == null ? null : slot.getCandidate().homeAreaId(), scoredBy));
			}
			return progress(best).set("proposals", proposals);
		}

	}

	/** Posts' roles and candidates' names by id, for proposals people can read. */
	private record Names(Map<String, String> roles, Map<String, String> candidates) {
	}


	/** What publishing did: placements nominated now (or already, by an earlier publish), and those left out. */
	record PublishResult(String planId, int nominated, int leftOut) {
	}

}
