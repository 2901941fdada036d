package cn.talentexchange.planning;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads what a plan needs: open requests (or, for a replan, the given planned ones) with dates in the window, plannable
 * experts, pairings, the assignments that bind experts (offers out and accepted visits in the months the window
 * touches, declines of the requests, who served the requests that are followed up), and the experts' track records.
 * A request's explanation and a seat's ranked candidates read the same facts through here.
 */
@Component
class WeekendProblemLoader {

	private final Requests requests;

	private final Experts experts;

	private final ReferenceData references;

	private final Assignments assignments;

	private final VisitFacts visitFacts;

	private final TunedWeights tuned;

	private final OfferTiming timing;

	WeekendProblemLoader(Requests requests, Experts experts, ReferenceData references, Assignments assignments,
			VisitFacts visitFacts, TunedWeights tuned, OfferTiming timing) {
		this.timing = timing;
		this.visitFacts = visitFacts;
		this.requests = requests;
		this.experts = experts;
		this.references = references;
		this.assignments = assignments;
		this.tuned = tuned;
	}

	Mono<WeekendPlan> load(PlanWindow window) {
		return load(timing.offerablePart(window), requests.openIn(window.counties()), Flux.empty(), List.of());
	}

	/**
	 * A replan's problem: the given requests if still PLANNED, with their accepted experts pinned and their
	 * offers as the starting point, so that only the given-back seats need new people. Their expired and cancelled
	 * offers count as declines.
	 */
	Mono<WeekendPlan> loadReplan(PlanWindow window, List<String> requestIds) {
		return load(timing.offerablePart(window),
				requests.findAllById(requestIds).filter(request -> request.status() == RequestStatus.PLANNED),
				assignments.givenBackOn(requestIds), List.of());
	}

	/**
	 * The problem as it stands now for a finished plan's requests, whatever their status, on the plan's own window,
	 * with the experts it chose even if they paused since: what a change to that plan is scored against.
	 */
	Mono<WeekendPlan> loadAsPlanned(PlanRun plan) {
		List<String> requestIds = plan.proposals().stream().map(PlanRun.Proposal::requestId).distinct().toList();
		return load(plan.window(), requests.findAllById(requestIds), Flux.empty(), chosenBy(plan));
	}

	/** One request on every date it accepts, as a plan would see it now, with the experts the given plan chose. */
	Mono<WeekendPlan> loadAround(DemandRequest request, PlanRun plan) {
		LocalDate first = Collections.min(request.acceptableDates());
		LocalDate last = Collections.max(request.acceptableDates());
		return load(new PlanWindow(first, last, List.of(), null), Flux.just(request), Flux.empty(),
				plan == null ? List.of() : chosenBy(plan));
	}

	private static List<String> chosenBy(PlanRun plan) {
		return plan.proposals().stream().map(PlanRun.Proposal::expertId).filter(Objects::nonNull).distinct().toList();
	}

	/**
	 * Dates too close to offer are left out before solving (by the callers that plan), so no expert is spent on a
	 * date nobody can be asked for, and the request's later dates stay open to the solver.
	 *
	 * @param givenBack expired and cancelled offers of the requests, whose experts count as having declined
	 * @param alsoExperts experts to plan with even if they are no longer plannable
	 */
	private Mono<WeekendPlan> load(PlanWindow window, Flux<DemandRequest> candidates, Flux<Assignment> givenBack,
			List<String> alsoExperts) {
		Mono<List<DemandRequest>> planned = candidates
			.filter(request -> request.acceptableDates().stream().anyMatch(window::covers))
			.collectList();
		return planned.flatMap(found -> {
			List<String> requestIds = found.stream().map(DemandRequest::id).toList();
			List<String> followedUp = found.stream().map(DemandRequest::followUpOf).filter(Objects::nonNull).toList();
			Flux<Assignment> binding = Flux.concat(
					// A day either side: a whole weekend may start in the month before or end in the month after.
					assignments.between(window.from().minusDays(1).with(TemporalAdjusters.firstDayOfMonth()),
							window.to().plusDays(1).with(TemporalAdjusters.lastDayOfMonth()), AssignmentStatus.HOLDING),
					requestIds.isEmpty() ? Flux.empty() : assignments.declinesOf(requestIds), givenBack,
					followedUp.isEmpty() ? Flux.empty() : assignments.servedOn(followedUp));
			return Mono.zip(plannableWith(alsoExperts), references.pairings().collectList(),
					binding.collectMap(Assignment::id).map(Map::values), TrackRecords.load(visitFacts, requests),
					tuned.current(ConstraintWeightsController.WEIGHTS))
				.publishOn(Schedulers.boundedElastic())
				.map(loaded -> WeekendProblemBuilder.build(window, found, loaded.getT1(), loaded.getT2(),
						List.copyOf(loaded.getT3()), loaded.getT4(), new WeekendWeights(loaded.getT5().weights())));
		});
	}

	private Mono<List<Expert>> plannableWith(List<String> alsoExperts) {
		return experts.plannable().collectList().flatMap(plannable -> {
			Set<String> known = plannable.stream().map(Expert::id).collect(Collectors.toSet());
			List<String> missing = alsoExperts.stream().filter(id -> !known.contains(id)).toList();
			return missing.isEmpty() ? Mono.just(plannable)
					: experts.findAllById(missing).collectList().map(found -> {
						List<Expert> all = new ArrayList<>(plannable);
						all.addAll(found);
						return all;
					});
		});
	}

}
