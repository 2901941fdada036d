package cn.talentexchange.secondment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import cn.talentexchange.planning.PlanningSettings;
import cn.talentexchange.planning.ScoreView;
import cn.talentexchange.secondment.solver.PositionSlot;
import cn.talentexchange.secondment.solver.SecondmentPlan;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;
import org.bson.types.ObjectId;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.Indictment;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
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
 * Runs the secondment matcher on OptaPlanner's own thread (never an event loop), keeps each run in the
 * database with its progress and outcome, and publishes a solved run as NOMINATED placements awaiting both
 * HR sides' approval.
 */
@Component
class SecondmentPlanning {

	private static final Logger log = LoggerFactory.getLogger(SecondmentPlanning.class);

	private static final Duration PERSIST_EVERY = Duration.ofSeconds(1);

	private final ReactiveMongoTemplate mongo;

	private final SecondmentReferences organisations;

	private final Placements placements;

	private final SecondmentSettings settings;

	private final TunedWeights tuned;

	private final PlanningSettings planning;

	private final Clock clock;

	private final PagedQueries pages;

	private volatile Engine engine;

	SecondmentPlanning(ReactiveMongoTemplate mongo, SecondmentReferences organisations, Placements placements,
			SecondmentSettings settings, TunedWeights tuned, PlanningSettings planning, Clock clock,
			PagedQueries pages) {
		this.tuned = tuned;
		this.pages = pages;
		this.mongo = mongo;
		this.organisations = organisations;
		this.placements = placements;
		this.settings = settings;
		this.planning = planning;
		this.clock = clock;
	}

	/** Records the run, loads the open posts and all candidates, and solves in the background. */
	Mono<SecondmentPlanRun> start(Caller caller) {
		Instant now = clock.instant();
		SecondmentPlanRun run = new SecondmentPlanRun(new ObjectId().toHexString(), SecondmentPlanRun.Status.QUEUED,
				caller.username(), now, null, null, null, 0, 0, List.of(), null, null, 0, now);
		return mongo.insert(run).doOnSuccess(this::solveInBackground);
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
			.takeUntil(run -> run.status() == SecondmentPlanRun.Status.SOLVED || run.status() == SecondmentPlanRun.Status.FAILED);
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
				if (run.status() != SecondmentPlanRun.Status.SOLVED) {
					return Mono.<PublishResult>error(new ApiProblem(ProblemType.INVALID_STATE,
							"Only a solved plan can be published", Map.of("currentStatus", run.status().name())));
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
						proposal.position(), loaded.getT2(), home, SecondmentReferences.pairingOf(home, host, byArea), run.id(),
						caller.username());
			})
			.map(placed -> true)
			.onErrorResume(ApiProblem.class, placedElsewhere -> Mono.just(false))
			.defaultIfEmpty(false);
	}

	private static boolean breaksHardRule(SecondmentPlanRun.Proposal proposal) {
		return proposal.scoredBy().stream().anyMatch(scored -> ScoreView.breaksHardRule(scored.score()));
	}

	private void solveInBackground(SecondmentPlanRun run) {
		LocalDate today = LocalDate.now(clock);
		Mono.zip(mongo.findAll(SecondmentPost.class).collectList(), mongo.findAll(SecondmentCandidate.class).collectList(),
				mongo.findAll(Secondment.class).collectList(), organisations.organisations(), organisations.pairingsByArea(),
				tuned.current(SecondmentWeightsController.WEIGHTS))
			.publishOn(Schedulers.boundedElastic())
			.subscribe(loaded -> {
				SecondmentPlan problem = SecondmentProblemBuilder.build(today, loaded.getT1(), loaded.getT2(), loaded.getT3(),
						loaded.getT4(), loaded.getT5(), settings.maxAwayPerOrganisation(), loaded.getT6().weights());
				Names names = new Names(
						loaded.getT1().stream().collect(Collectors.toMap(SecondmentPost::id, SecondmentPost::role)),
						loaded.getT2().stream().collect(Collectors.toMap(SecondmentCandidate::id, SecondmentCandidate::name)));
				launch(run, problem, names);
			}, failure -> failed(run.id(), failure));
	}

	private void launch(SecondmentPlanRun run, SecondmentPlan problem, Names names) {
		Engine current = engine();
		Instant[] lastPersisted = { null };
		persist(run.id(), new Update().set("status", SecondmentPlanRun.Status.SOLVING).set("startedAt", clock.instant())
			.set("positions", problem.getSlots().size())).subscribe();
		current.solverManager().solveAndListen(run.id(), id -> problem, best -> {
			Instant now = clock.instant();
			if (lastPersisted[0] == null || Duration.between(lastPersisted[0], now).compareTo(PERSIST_EVERY) >= 0) {
				lastPersisted[0] = now;
				persist(run.id(), new Update().set("score", best.getScore().toString()).set("filled", filled(best))).subscribe();
			}
		}, best -> finished(run.id(), current, best, names), (id, failure) -> failed(run.id(), failure));
	}

	private void finished(String id, Engine current, SecondmentPlan best, Names names) {
		try {
			ScoreExplanation<SecondmentPlan, HardMediumSoftLongScore> explanation = current.solutionManager().explain(best);
			Map<Object, Indictment<HardMediumSoftLongScore>> indictments = explanation.getIndictmentMap();
			List<SecondmentPlanRun.Proposal> proposals = new ArrayList<>();
			for (PositionSlot slot : best.getSlots()) {
				Indictment<HardMediumSoftLongScore> indictment = indictments.get(slot);
				List<SecondmentPlanRun.RuleScore> scoredBy = indictment == null ? List.of() : indictment.getConstraintMatchSet()
					.stream()
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
			persist(id, new Update().set("status", SecondmentPlanRun.Status.SOLVED).set("finishedAt", clock.instant())
				.set("score", best.getScore().toString()).set("filled", filled(best)).set("proposals", proposals))
				.subscribe();
		}
		catch (RuntimeException failure) {
			failed(id, failure);
		}
	}

	private void failed(String id, Throwable failure) {
		log.error("Secondment plan {} failed", id, failure);
		persist(id, new Update().set("status", SecondmentPlanRun.Status.FAILED).set("finishedAt", clock.instant())
			.set("failure", failure.getClass().getSimpleName() + ": " + failure.getMessage())).subscribe();
	}

	private Mono<Void> persist(String id, Update update) {
		Query running = Query.query(Criteria.where("_id").is(id).and("status").in(SecondmentPlanRun.Status.QUEUED,
				SecondmentPlanRun.Status.SOLVING));
		return mongo.updateFirst(running, update.set("updatedAt", clock.instant()).inc("version", 1), SecondmentPlanRun.class)
			.then();
	}

	private static int filled(SecondmentPlan plan) {
		return (int) plan.getSlots().stream().filter(slot -> slot.getCandidate() != null).count();
	}

	private Engine engine() {
		Engine current = engine;
		if (current == null) {
			synchronized (this) {
				if (engine == null) {
					Path file = Path.of(planning.solverConfigDirectory(), settings.solverProfile() + ".xml");
					try (InputStream xml = Files.newInputStream(file)) {
						SolverConfig config = SolverConfig.createFromXmlInputStream(xml, getClass().getClassLoader());
						SolverFactory<SecondmentPlan> factory = SolverFactory.create(config);
						engine = new Engine(SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1")),
								SolutionManager.create(factory));
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot read the solver configuration " + file, ex);
					}
				}
				current = engine;
			}
		}
		return current;
	}

	@EventListener(ContextClosedEvent.class)
	void shutdown() {
		if (engine != null) {
			engine.solverManager().close();
		}
	}

	/** Posts' roles and candidates' names by id, for proposals people can read. */
	private record Names(Map<String, String> roles, Map<String, String> candidates) {
	}

	private record Engine(SolverManager<SecondmentPlan, String> solverManager,
			SolutionManager<SecondmentPlan, HardMediumSoftLongScore> solutionManager) {
	}

	/** What publishing did: placements nominated now (or already, by an earlier publish), and those left out. */
	record PublishResult(String planId, int nominated, int leftOut) {
	}

}
