package cn.talentexchange.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatRules;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;

/**
 * Turns stored requests, experts and assignments into the solver's problem. Pure: the loader feeds it
 * from the database, the benchmark from a generator.
 *
 * <p>Each seat position may only take experts who could hold it at all (skill and level, no conflict of
 * interest, no earlier decline, within travel, free on one of the dates): the hard rules still guard
 * these, but the solver no longer wastes moves on people who never fit.
 */
public final class WeekendProblemBuilder {

	private WeekendProblemBuilder() {
	}

	public static WeekendPlan build(PlanWindow window, Collection<DemandRequest> requests, Collection<Expert> experts,
			Collection<Pairing> pairings, Collection<Assignment> assignments, TrackRecords trackRecords,
			WeekendWeights weights) {
		Map<String, Set<String>> declined = new HashMap<>();
		Map<String, Set<LocalDate>> busy = new HashMap<>();
		Map<String, Set<LocalDate>> weekendsElsewhere = new HashMap<>();
		Map<String, Assignment> committedBySlot = new HashMap<>();
		Map<String, Assignment> offeredBySlot = new HashMap<>();
		Map<String, Set<String>> servedByRequest = new HashMap<>();
		Set<String> plannedRequestIds = requests.stream().map(DemandRequest::id).collect(Collectors.toSet());
		for (Assignment assignment : assignments) {
			String slotKey = slotId(assignment.requestId(), assignment.seat(), assignment.position());
			// A planned request is being replanned: whoever let its offer expire or had it cancelled is not asked again.
			boolean gaveBack = assignment.status() == AssignmentStatus.DECLINED
					|| plannedRequestIds.contains(assignment.requestId()) && (assignment.status() == AssignmentStatus.EXPIRED
							|| assignment.status() == AssignmentStatus.CANCELLED);
			if (gaveBack) {
				declined.computeIfAbsent(assignment.expertId(), id -> new HashSet<>()).add(assignment.requestId());
			}
			if (AssignmentStatus.COMMITTED.contains(assignment.status()) || assignment.status() == AssignmentStatus.COMPLETED) {
				servedByRequest.computeIfAbsent(assignment.requestId(), id -> new HashSet<>()).add(assignment.expertId());
			}
			if (plannedRequestIds.contains(assignment.requestId())) {
				if (AssignmentStatus.COMMITTED.contains(assignment.status())) {
					committedBySlot.put(slotKey, assignment);
				}
				else if (assignment.status() == AssignmentStatus.OFFERED) {
					offeredBySlot.put(slotKey, assignment);
				}
			}
			else if (AssignmentStatus.HOLDING.contains(assignment.status())) {
				busy.computeIfAbsent(assignment.expertId(), id -> new HashSet<>()).addAll(days(assignment));
				weekendsElsewhere.computeIfAbsent(assignment.expertId(), id -> new HashSet<>()).add(Visit.saturdayOf(assignment.date()));
			}
		}

		Map<String, PlannedExpert> plannedExperts = new HashMap<>();
		Map<String, List<PlannedExpert>> bySkill = new HashMap<>();
		for (Expert expert : experts) {
			Set<LocalDate> offered = new HashSet<>(expert.availability().dates());
			offered.removeAll(expert.availability().blackoutDates());
			PlannedExpert planned = new PlannedExpert(expert.id(), expert.organisationId(), expert.homeLocation(),
					expert.skills().stream().collect(Collectors.toMap(HeldSkill::skill, HeldSkill::level, Math::max)),
					offered, busy.getOrDefault(expert.id(), Set.of()), expert.maxWeekendsPerMonth(), expert.maxTravelMinutes(),
					Set.copyOf(expert.preferredCountyIds()),
					Set.copyOf(expert.preferredCategories()), declined.getOrDefault(expert.id(), Set.of()),
					weekendsElsewhere.getOrDefault(expert.id(), Set.of()), trackRecords.ofExpert(expert.id()));
			plannedExperts.put(expert.id(), planned);
			expert.skills().forEach(skill -> bySkill.computeIfAbsent(skill.skill(), code -> new ArrayList<>()).add(planned));
		}

		Map<String, Set<String>> pairedOrganisations = new HashMap<>();
		pairings.forEach(pairing -> pairedOrganisations.put(pairing.countyId(), Set.of(pairing.districtId(), pairing.parkId())));

		List<Visit> visits = new ArrayList<>();
		List<SeatSlot> slots = new ArrayList<>();
		for (DemandRequest request : requests) {
			List<LocalDate> dates = request.acceptableDates().stream().filter(window::covers).toList();
			if (dates.isEmpty() || !window.includesCounty(request.countyId())) {
				continue;
			}
			Visit visit = new Visit(request.id(), request.countyId(), request.category(),
					request.duration() == VisitDuration.WEEKEND, request.priority().weight(), request.location().point(),
					dates, pairedOrganisations.getOrDefault(request.countyId(), Set.of()),
					request.followUpOf() == null ? Set.of() : servedByRequest.getOrDefault(request.followUpOf(), Set.of()),
					Set.copyOf(request.excludedOrganisationIds()), Set.copyOf(request.excludedExpertIds()));
			// A planned request keeps the date its experts were told: accepted or offered.
			Stream.concat(committedBySlot.values().stream(), offeredBySlot.values().stream())
				.filter(assignment -> assignment.requestId().equals(request.id()) && dates.contains(assignment.date()))
				.findFirst()
				.ifPresent(assignment -> visit.pinTo(assignment.date()));
			visits.add(visit);
			for (int seatIndex = 0; seatIndex < request.seats().size(); seatIndex++) {
				Seat seat = request.seats().get(seatIndex);
				// Nearest first: construction tries candidates in this order.
				List<PlannedExpert> candidates = bySkill.getOrDefault(seat.skill(), List.of()).stream()
					.filter(expert -> SeatRules.couldTake(expert, visit, seat.skill(), seat.minLevel()))
					.sorted(Comparator.comparingInt((PlannedExpert expert) -> Travel.minutes(expert.getHome(), visit.getSite()))
						.thenComparing(PlannedExpert::getId))
					.toList();
				for (int position = 0; position < seat.count(); position++) {
					String id = slotId(request.id(), seatIndex, position);
					Assignment committed = committedBySlot.get(id);
					Assignment offered = offeredBySlot.get(id);
					Assignment held = committed != null ? committed : offered;
					PlannedExpert holder = held == null ? null : plannedExperts.get(held.expertId());
					List<PlannedExpert> range = holder == null || candidates.contains(holder) ? candidates
							: append(candidates, holder);
					SeatSlot slot = new SeatSlot(id, visit, seatIndex, seat.skill(), seat.minLevel(),
							offered == null ? null : offered.expertId(), range);
					// Accepted experts stay; an offer is where the search starts, and moves only if that is worth it.
					if (holder != null && visit.isPinned()) {
						slot.assign(holder, committed != null);
					}
					slots.add(slot);
				}
			}
		}
		return new WeekendPlan(List.copyOf(plannedExperts.values()), visits, slots, weights);
	}

	public static String slotId(String requestId, int seat, int position) {
		return requestId + "#" + seat + "." + position;
	}

	private static List<LocalDate> days(Assignment assignment) {
		return assignment.wholeWeekend() ? List.of(assignment.date(), assignment.date().plusDays(1))
				: List.of(assignment.date());
	}


	private static List<PlannedExpert> append(List<PlannedExpert> candidates, PlannedExpert holder) {
		List<PlannedExpert> range = new ArrayList<>(candidates);
		range.add(holder);
		return range;
	}

}
