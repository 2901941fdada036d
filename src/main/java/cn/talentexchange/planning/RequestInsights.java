package cn.talentexchange.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.pairing.Skill;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatRules;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.security.Caller;
import cn.talentexchange.solving.RunStatus;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What the latest plan means for one request: the county's explanation and the coordinator's candidates. */
@Component
class RequestInsights {

	private final ReactiveMongoTemplate mongo;

	private final Requests requests;

	private final Experts experts;

	private final ReferenceData references;

	private final WeekendProblemLoader loader;

	private final WeekendSolving solving;

	private final OfferTiming timing;

	RequestInsights(ReactiveMongoTemplate mongo, Requests requests, Experts experts, ReferenceData references,
			WeekendProblemLoader loader, WeekendSolving solving, OfferTiming timing) {
		this.mongo = mongo;
		this.requests = requests;
		this.experts = experts;
		this.references = references;
		this.loader = loader;
		this.solving = solving;
		this.timing = timing;
	}

	Mono<Explanation> explain(String requestId, Caller caller, boolean chinese) {
		return requests.find(requestId, caller).flatMap(request -> latestPlan(requestId)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(found -> {
				PlanRun plan = found.orElse(null);
				List<String> chosen = plan == null ? List.of() : plan.proposals().stream()
					.filter(proposal -> proposal.requestId().equals(requestId) && proposal.expertId() != null)
					.map(PlanRun.Proposal::expertId)
					.toList();
				Mono<Map<String, String>> displayNames = chosen.isEmpty() ? Mono.just(Map.of())
						: experts.findAllById(chosen).collectMap(Expert::id, Expert::displayName);
				return displayNames.flatMap(names -> write(request, plan, names, chinese));
			}));
	}

	/** The explanation of the request against the plan (none yet: null), in one language. */
	private Mono<Explanation> write(DemandRequest request, PlanRun plan, Map<String, String> displayNames, boolean chinese) {
		Mono<Map<String, String>> skillNames = Flux.fromIterable(request.seats())
			.concatMap(seat -> references.skill(seat.skill()))
			.collectMap(Skill::id, skill -> chinese ? skill.nameZh() : skill.nameEn());
		return Mono.zip(loader.loadAround(request, plan), references.organisationNames(chinese), skillNames,
				references.categoryName(request.category(), chinese))
			.publishOn(Schedulers.boundedElastic())
			.map(facts -> new ExplanationWriter(request, plan, facts.getT1(), displayNames, facts.getT2(), facts.getT3(),
					facts.getT4(), chinese, timing.earliestOfferableDate()).write());
	}

	/**
	 * The reasons the latest plan that covered the request gives for the expert on the seat position, as its
	 * explanation words them; none when that plan did not put this expert there (a seat given by hand, a later replan).
	 * The caller's right to the assignment is checked by whoever asks.
	 */
	Mono<List<String>> reasonsFor(String requestId, int seat, int position, String expertId, boolean chinese) {
		return requests.findById(requestId)
			.flatMap(request -> latestPlan(requestId)
				.filter(plan -> plan.proposals().stream().anyMatch(proposal -> proposal.requestId().equals(requestId)
						&& expertId.equals(proposal.expertId())))
				// The reasons name no one, so the display names are not looked up.
				.flatMap(plan -> write(request, plan, Map.of(), chinese)))
			.flatMap(explanation -> Mono.justOrEmpty(explanation.seats().stream()
				.filter(explained -> explained.seat() == seat)
				.flatMap(explained -> explained.chosen().stream())
				.filter(chosen -> chosen.position() == position && chosen.expertId().equals(expertId))
				.findFirst()
				.map(Explanation.ChosenExpert::reasons)))
			.defaultIfEmpty(List.of());
	}

	/**
	 * Ranks everyone who could take the seat by what the plan's score would become with them in it: the
	 * first empty position, or the first position when all are taken.
	 */
	Mono<PagedList<Candidate>> candidates(String requestId, int seat, Paging paging) {
		Mono<DemandRequest> request = requests.findById(requestId)
			.filter(found -> seat >= 0 && seat < found.seats().size())
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("seat of request", requestId + "#" + seat)));
		return request.then(latestPlan(requestId))
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("finished plan covering request", requestId)))
			.flatMap(plan -> loader.loadAsPlanned(plan)
				.publishOn(Schedulers.boundedElastic())
				.map(problem -> rank(plan, requestId, seat, problem)))
			.flatMap(ranked -> {
				int from = (int) Math.min(paging.offset(), ranked.size());
				int to = Math.min(from + paging.size(), ranked.size());
				List<Candidate> page = ranked.subList(from, to);
				return experts.findAllById(page.stream().map(Candidate::expertId).toList())
					.collectMap(Expert::id, Expert::displayName)
					.map(names -> PagedList.of(page.stream()
						.map(candidate -> candidate.named(names.getOrDefault(candidate.expertId(), candidate.expertId())))
						.toList(), paging, ranked.size()));
			});
	}

	/** The seat's candidates, best first, each still without a display name. */
	private List<Candidate> rank(PlanRun run, String requestId, int seat, WeekendPlan plan) {
		Map<String, PlannedExpert> byId = new HashMap<>();
		plan.getExperts().forEach(expert -> byId.put(expert.getId(), expert));
		Map<String, PlanRun.Proposal> proposals = new HashMap<>();
		run.proposals().forEach(proposal -> proposals.put(proposal.slotId(), proposal));
		for (Visit visit : plan.getVisits()) {
			visit.getSlots().stream().map(slot -> proposals.get(slot.getId())).filter(p -> p != null && p.date() != null)
				.findFirst()
				.ifPresent(proposal -> visit.setDate(LocalDate.parse(proposal.date())));
			visit.getSlots().forEach(slot -> {
				slot.setDate(visit.getDate());
				PlanRun.Proposal proposal = proposals.get(slot.getId());
				slot.setExpert(proposal == null || proposal.expertId() == null ? null : byId.get(proposal.expertId()));
			});
		}
		SolutionManager<WeekendPlan, HardMediumSoftLongScore> scorer = solving.engine(run.profile()).solutionManager();
		HardMediumSoftLongScore base = scorer.update(plan);
		List<SeatSlot> positions = plan.getSlots().stream()
			.filter(slot -> slot.getVisit().getRequestId().equals(requestId) && slot.getSeat() == seat)
			.toList();
		if (positions.isEmpty()) {
			return List.of();
		}
		SeatSlot target = positions.stream().filter(slot -> slot.getExpert() == null).findFirst().orElse(positions.get(0));
		PlannedExpert holder = target.getExpert();
		List<Ranked> ranked = new ArrayList<>();
		for (PlannedExpert candidate : target.getCandidates()) {
			boolean assignedHere = positions.stream().anyMatch(slot -> slot != target && slot.getExpert() == candidate)
					|| candidate == holder;
			// Who the plan already has on the seat stays where they are: no change, so no delta. Everyone else is
			// scored as taking the target position in place of its holder.
			HardMediumSoftLongScore delta = HardMediumSoftLongScore.ZERO;
			if (!assignedHere) {
				target.setExpert(candidate);
				delta = scorer.update(plan).subtract(base);
			}
			boolean available = target.getDate() != null && !SeatRules.notAvailable(candidate, target.getVisit(), target.getDate());
			ranked.add(new Ranked(new Candidate(candidate.getId(), null, candidate.getOrganisationId(),
					candidate.levelOf(target.getSkill()), Travel.minutes(candidate.getHome(), target.getVisit().getSite()),
					available, assignedHere,
					new Candidate.ScoreDelta(delta.toString(), delta.hardScore(), delta.mediumScore(), delta.softScore())),
					delta));
		}
		target.setExpert(holder);
		return ranked.stream()
			.sorted(Comparator.comparing(Ranked::delta).reversed()
				.thenComparing(entry -> entry.candidate().expertId()))
			.map(Ranked::candidate)
			.toList();
	}

	private record Ranked(Candidate candidate, HardMediumSoftLongScore delta) {
	}

	/**
	 * The plan that speaks for the request: the latest published one that covered it (its offers are out),
	 * else the latest finished one.
	 */
	private Mono<PlanRun> latestPlan(String requestId) {
		Query query = Query.query(Criteria.where("status").in(RunStatus.ENDED_WITH_PLAN).and("proposals.requestId").is(requestId))
			.with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("finishedAt")))
			.limit(1);
		return mongo.find(query, PlanRun.class).next();
	}

	/** One person who could take the seat and what that would do to the plan's score. */
	record Candidate(String expertId, String displayName, String organisationId, int level, int travelMinutes,
			boolean availableOnPlanDate, boolean assignedHere, ScoreDelta scoreDelta) {

		Candidate named(String name) {
			return new Candidate(expertId, name, organisationId, level, travelMinutes, availableOnPlanDate, assignedHere,
					scoreDelta);
		}

		record ScoreDelta(String text, long hard, long medium, long soft) {
		}

	}

}
