package cn.talentexchange.planning;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.pairing.Skill;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatRules;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
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

	private final Assignments assignments;

	private final VisitFacts visitFacts;

	private final TunedWeights tuned;

	private final WeekendSolving solving;

	private final OfferTiming timing;

	RequestInsights(ReactiveMongoTemplate mongo, Requests requests, Experts experts, ReferenceData references,
			Assignments assignments, VisitFacts visitFacts, TunedWeights tuned, WeekendSolving solving,
			OfferTiming timing) {
		this.timing = timing;
		this.visitFacts = visitFacts;
		this.mongo = mongo;
		this.requests = requests;
		this.experts = experts;
		this.references = references;
		this.assignments = assignments;
		this.tuned = tuned;
		this.solving = solving;
	}

	Mono<Explanation> explain(String requestId, Caller caller, boolean chinese) {
		return requests.find(requestId, caller).flatMap(request -> latestPlan(requestId)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap(plan -> {
				LocalDate from = request.acceptableDates().get(0).minusDays(1).with(TemporalAdjusters.firstDayOfMonth());
				LocalDate to = request.acceptableDates().get(request.acceptableDates().size() - 1).plusDays(1)
					.with(TemporalAdjusters.lastDayOfMonth());
				Mono<List<Assignment>> binding = Flux.concat(assignments.between(from, to, AssignmentStatus.HOLDING),
						assignments.declinesOf(requestId)).collectList();
				Mono<Map<String, String>> skillNames = Flux.fromIterable(request.seats())
					.concatMap(seat -> references.skill(seat.skill()))
					.collectMap(Skill::id, skill -> chinese ? skill.nameZh() : skill.nameEn());
				Mono<Set<String>> paired = references.pairings()
					.filter(pairing -> pairing.countyId().equals(request.countyId()))
					.next()
					.map(pairing -> Set.of(pairing.districtId(), pairing.parkId()))
					.defaultIfEmpty(Set.of());
				return Mono.zip(experts.plannable().collectList(), binding, paired, references.organisationNames(chinese),
						skillNames, TrackRecords.load(visitFacts, requests),
						references.categoryName(request.category(), chinese))
					.flatMap(facts -> withProposedExperts(facts.getT1(), plan.orElse(null))
						.publishOn(Schedulers.boundedElastic())
						.map(all -> new ExplanationWriter(request, plan.orElse(null), all, facts.getT2(), facts.getT3(),
								facts.getT4(), facts.getT5(), facts.getT6(), facts.getT7(), chinese,
								timing.earliestOfferableDate()).write()));
			}));
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
			.flatMap(plan -> {
				List<String> requestIds = plan.proposals().stream().map(PlanRun.Proposal::requestId).distinct().toList();
				LocalDate from = plan.window().from().minusDays(1).with(TemporalAdjusters.firstDayOfMonth());
				LocalDate to = plan.window().to().plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
				return Mono.zip(requests.findAllById(requestIds).collectList(),
						experts.plannable().collectList().flatMap(found -> withProposedExperts(found, plan)),
						references.pairings().collectList(),
						Flux.concat(assignments.between(from, to, AssignmentStatus.HOLDING), assignments.declines())
							.collectMap(Assignment::id).map(map -> List.copyOf(map.values())),
						TrackRecords.load(visitFacts, requests), tuned.current(ConstraintWeightsController.WEIGHTS))
					.publishOn(Schedulers.boundedElastic())
					.map(facts -> rank(plan, requestId, seat, facts.getT1(), facts.getT2(), facts.getT3(), facts.getT4(),
							facts.getT5(), new WeekendWeights(facts.getT6().weights())));
			})
			.map(ranked -> {
				int from = (int) Math.min(paging.offset(), ranked.size());
				int to = Math.min(from + paging.size(), ranked.size());
				return PagedList.of(ranked.subList(from, to), paging, ranked.size());
			});
	}

	private List<Candidate> rank(PlanRun run, String requestId, int seat, List<DemandRequest> planned, List<Expert> pool,
			List<Pairing> pairings, List<Assignment> binding, TrackRecords trackRecords, WeekendWeights weekendWeights) {
		WeekendPlan plan = WeekendProblemBuilder.build(run.window(), planned, pool, pairings, binding, trackRecords,
				weekendWeights);
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
		Map<String, Expert> experts = new HashMap<>();
		pool.forEach(expert -> experts.put(expert.id(), expert));
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
			Expert expert = experts.get(candidate.getId());
			boolean available = target.getDate() != null && !SeatRules.notAvailable(candidate, target.getVisit(), target.getDate());
			ranked.add(new Ranked(new Candidate(candidate.getId(), expert.displayName(), expert.organisationId(),
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

	/** Experts the plan chose may since have paused; they still belong in its explanation. */
	private Mono<List<Expert>> withProposedExperts(List<Expert> plannable, PlanRun plan) {
		if (plan == null) {
			return Mono.just(plannable);
		}
		Set<String> known = new HashSet<>();
		plannable.forEach(expert -> known.add(expert.id()));
		List<String> missing = plan.proposals().stream().map(PlanRun.Proposal::expertId)
			.filter(id -> id != null && !known.contains(id)).distinct().toList();
		return missing.isEmpty() ? Mono.just(plannable) : experts.findAllById(missing).collectList().map(found -> {
			List<Expert> all = new ArrayList<>(plannable);
			all.addAll(found);
			return all;
		});
	}

	/** One person who could take the seat and what that would do to the plan's score. */
	record Candidate(String expertId, String displayName, String organisationId, int level, int travelMinutes,
			boolean availableOnPlanDate, boolean assignedHere, ScoreDelta scoreDelta) {

		record ScoreDelta(String text, long hard, long medium, long soft) {
		}

	}

}
