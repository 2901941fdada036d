package cn.talentexchange.planning;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.assignment.SeatRuleCheck;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.Indictment;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A hand override judged by the planner's own hard constraints: the seat's visit is built as the solver would see
 * it, the expert put on the position, and the constraints that fire on it are the rules broken. Two of them no
 * human decision can make true (two seats of one visit, two places on one day); the rest a coordinator may break.
 */
@Component
class HandOverrideRules implements SeatRuleCheck {

	private final Requests requests;

	private final Experts experts;

	private final ReferenceData references;

	private final Assignments assignments;

	private final WeekendSolving solving;

	private final PlanningSettings settings;

	HandOverrideRules(Requests requests, Experts experts, ReferenceData references, Assignments assignments,
			WeekendSolving solving, PlanningSettings settings) {
		this.requests = requests;
		this.experts = experts;
		this.references = references;
		this.assignments = assignments;
		this.solving = solving;
		this.settings = settings;
	}

	@Override
	public Mono<BrokenRules> check(Assignment seat, String expertId) {
		// A day either side: a whole weekend may start in the month before or end in the month after.
		LocalDate from = seat.date().minusDays(1).with(TemporalAdjusters.firstDayOfMonth());
		LocalDate to = seat.date().plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
		return Mono.zip(requests.findById(seat.requestId()), experts.findAllById(List.of(expertId)).next(),
				references.pairings().collectList(), assignments.holdingOf(expertId, from, to).collectList(),
				assignments.declinesOf(List.of(seat.requestId())).filter(decline -> decline.expertId().equals(expertId)).collectList())
			.publishOn(Schedulers.boundedElastic())
			.map(found -> {
				List<Assignment> elsewhere = found.getT4().stream().filter(held -> !held.id().equals(seat.id())).toList();
				List<String> impossible = new ArrayList<>();
				if (elsewhere.stream().anyMatch(held -> held.requestId().equals(seat.requestId()))) {
					impossible.add(WeekendWeights.TWICE_ON_VISIT);
				}
				if (elsewhere.stream().anyMatch(held -> !held.requestId().equals(seat.requestId())
						&& Assignments.clashes(held, seat.date(), seat.wholeWeekend()))) {
					impossible.add(WeekendWeights.DOUBLE_BOOKED);
				}
				if (!impossible.isEmpty()) {
					return new BrokenRules(impossible, List.of());
				}
				List<Assignment> binding = new ArrayList<>(elsewhere);
				binding.addAll(found.getT5());
				WeekendPlan plan = WeekendProblemBuilder.build(new PlanWindow(seat.date(), seat.date(), List.of(), null),
						List.of(found.getT1()), List.of(found.getT2()), found.getT3(), binding, TrackRecords.NONE,
						new WeekendWeights(SoftWeights.DEFAULTS));
				return new BrokenRules(List.of(), overridable(plan, seat));
			});
	}

	/** The hard constraints that fire on the position with the expert on it, on the seat's date. */
	private List<String> overridable(WeekendPlan plan, Assignment seat) {
		String slotId = WeekendProblemBuilder.slotId(seat.requestId(), seat.seat(), seat.position());
		SeatSlot target = plan.getSlots().stream().filter(slot -> slot.getId().equals(slotId)).findFirst().orElse(null);
		if (target == null || plan.getExperts().isEmpty()) {
			// The request no longer asks for that date or position: no rule of the planner can speak to it.
			return List.of();
		}
		Visit visit = target.getVisit();
		visit.setDate(seat.date());
		visit.getSlots().forEach(slot -> slot.setDate(seat.date()));
		target.setExpert(plan.getExperts().get(0));
		Map<Object, Indictment<HardMediumSoftLongScore>> indictments = solving.engine(settings.defaultProfile())
			.solutionManager()
			.explain(plan)
			.getIndictmentMap();
		Indictment<HardMediumSoftLongScore> onTarget = indictments.get(target);
		return onTarget == null ? List.of() : onTarget.getConstraintMatchSet().stream()
			.filter(match -> match.getScore().hardScore() < 0)
			.map(match -> match.getConstraintName())
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.toList();
	}

}
