package cn.talentexchange.planning;

import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads what a plan needs: open requests (or, for a replan, the given planned ones) with dates in the window, plannable experts, pairings,
 * the assignments that bind experts (offers out and accepted visits in the months the window touches,
 * every decline, who served the requests that are followed up), and the experts' track records.
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
		return load(window, requests.openIn(window.counties()));
	}

	/**
	 * A replan's problem: the given requests if still PLANNED, with their accepted experts pinned and their
	 * offers as the starting point, so that only the given-back seats need new people.
	 */
	Mono<WeekendPlan> loadReplan(PlanWindow window, List<String> requestIds) {
		return load(window, requests.findAllById(requestIds).filter(request -> request.status() == RequestStatus.PLANNED),
				assignments.givenBackOn(requestIds));
	}

	private Mono<WeekendPlan> load(PlanWindow window, Flux<DemandRequest> candidates) {
		return load(window, candidates, Flux.empty());
	}

	/**
	 * {@code givenBack}: expired and cancelled offers of the requests, whose experts count as having declined.
	 * Dates too close to offer are left out before solving, so no expert is spent on a date nobody can be asked
	 * for, and the request's later dates stay open to the solver.
	 */
	private Mono<WeekendPlan> load(PlanWindow requested, Flux<DemandRequest> candidates, Flux<Assignment> givenBack) {
		PlanWindow window = timing.offerablePart(requested);
		Mono<List<DemandRequest>> planned = candidates
			.filter(request -> request.acceptableDates().stream().anyMatch(window::covers))
			.collectList();
		return planned.flatMap(found -> {
			List<String> followedUp = found.stream().map(DemandRequest::followUpOf).filter(Objects::nonNull).toList();
			Flux<Assignment> binding = Flux.concat(
					// A day either side: a whole weekend may start in the month before or end in the month after.
					assignments.between(window.from().minusDays(1).with(TemporalAdjusters.firstDayOfMonth()),
							window.to().plusDays(1).with(TemporalAdjusters.lastDayOfMonth()), AssignmentStatus.HOLDING),
					assignments.declines(), givenBack, followedUp.isEmpty() ? Flux.empty() : assignments.servedOn(followedUp));
			return Mono.zip(experts.plannable().collectList(), references.pairings().collectList(),
					binding.collectMap(Assignment::id).map(Map::values), TrackRecords.load(visitFacts, requests),
					tuned.current(ConstraintWeightsController.WEIGHTS))
				.publishOn(Schedulers.boundedElastic())
				.map(loaded -> WeekendProblemBuilder.build(window, found, loaded.getT1(), loaded.getT2(),
						List.copyOf(loaded.getT3()), loaded.getT4(), new WeekendWeights(loaded.getT5().weights())));
		});
	}

}
