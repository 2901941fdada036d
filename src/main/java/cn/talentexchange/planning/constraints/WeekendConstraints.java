package cn.talentexchange.planning.constraints;

import cn.talentexchange.planning.domain.SeatRules;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;

/**
 * The weekend planner's rules (DESIGN section 4). Hard rules are never broken in a published plan,
 * the medium rule fills as many seats as it can by priority, soft rules choose among full plans.
 * Slots with no expert yet are skipped by {@code forEach}, so only the unfilled-seat rules see them.
 */
public class WeekendConstraints implements ConstraintProvider {

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] {
				// hard
				lacksSkill(factory), notAvailable(factory), doubleBooked(factory), twiceOnOneVisit(factory),
				overMonthlyCap(factory), tooFar(factory), declinedBefore(factory), conflictOfInterest(factory),
				// medium
				unfilledSeat(factory),
				// soft
				outsidePairing(factory), continuity(factory), expertLoad(factory), countyShortage(factory),
				travelTime(factory), overQualified(factory), consecutiveWeekends(factory), preferences(factory),
				stability(factory), sharedTravel(factory), trackRecord(factory) };
	}

	// The seat asks for a skill at a level the expert does not have.
	Constraint lacksSkill(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> SeatRules.lacksSkill(slot.getExpert(), slot.getSkill(), slot.getMinLevel()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.SKILL);
	}

	// The expert did not offer the day (or, for a whole-weekend visit, both days).
	Constraint notAvailable(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> slot.getDate() != null && SeatRules.notAvailable(slot.getExpert(), slot.getVisit(), slot.getDate()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.UNAVAILABLE);
	}

	// One expert on two visits that share a day.
	Constraint doubleBooked(ConstraintFactory factory) {
		return factory.forEachUniquePair(SeatSlot.class, Joiners.equal(SeatSlot::getExpert))
			.filter((a, b) -> a.getVisit() != b.getVisit() && a.occupiesSameDaysAs(b))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.DOUBLE_BOOKED);
	}

	// One expert in two seats of the same visit: a visit needs distinct people.
	Constraint twiceOnOneVisit(ConstraintFactory factory) {
		return factory.forEachUniquePair(SeatSlot.class, Joiners.equal(SeatSlot::getExpert),
				Joiners.equal(SeatSlot::getVisit))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.TWICE_ON_VISIT);
	}

	// More weekends in a month than the expert allows, counting visits outside this plan; a weekend counts once.
	Constraint overMonthlyCap(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> slot.getDate() != null)
			.groupBy(SeatSlot::getExpert, SeatSlot::month, ConstraintCollectors.toSet(SeatSlot::weekend))
			.filter((expert, month, saturdays) -> SeatRules.weekendsOverCap(expert, month, saturdays) > 0)
			.penalizeConfigurable(SeatRules::weekendsOverCap)
			.asConstraint(WeekendWeights.MONTHLY_CAP);
	}

	// The estimated travel is longer than the expert is willing to go.
	Constraint tooFar(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> SeatRules.tooFar(slot.getExpert(), slot.getVisit()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.TOO_FAR);
	}

	// Asking again after a "no" wastes the expert's goodwill and the county's time.
	Constraint declinedBefore(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> SeatRules.declinedBefore(slot.getExpert(), slot.getVisit()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.DECLINED);
	}

	// The request names the expert or the expert's organisation as conflicted.
	Constraint conflictOfInterest(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> SeatRules.conflicted(slot.getExpert(), slot.getVisit()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.CONFLICT);
	}

	// Each empty seat costs its request's priority weight: fill the important ones first.
	Constraint unfilledSeat(ConstraintFactory factory) {
		return factory.forEachIncludingNullVars(SeatSlot.class)
			.filter(slot -> slot.getExpert() == null)
			.penalizeConfigurable(slot -> slot.getVisit().getPriorityWeight())
			.asConstraint(WeekendWeights.UNFILLED);
	}

	// Help should preferably come from the county's own district and park (1+1对1).
	Constraint outsidePairing(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> !slot.getVisit().getPairedOrganisationIds().contains(slot.getExpert().getOrganisationId()))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.OUTSIDE_PAIRING);
	}

	// Someone who already knows the problem is worth more on its follow-up.
	Constraint continuity(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> slot.getVisit().getEarlierExpertIds().contains(slot.getExpert().getId()))
			.rewardConfigurable()
			.asConstraint(WeekendWeights.CONTINUITY);
	}

	// Squared load: two experts with one visit each beat one expert with two.
	Constraint expertLoad(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.groupBy(SeatSlot::getExpert, ConstraintCollectors.countDistinct(SeatSlot::getVisit))
			.penalizeConfigurable((expert, visits) -> visits * visits)
			.asConstraint(WeekendWeights.EXPERT_LOAD);
	}

	// Squared shortage per county: when seats must stay empty, spread the gap instead of starving one county.
	Constraint countyShortage(ConstraintFactory factory) {
		return factory.forEachIncludingNullVars(SeatSlot.class)
			.filter(slot -> slot.getExpert() == null)
			.groupBy(slot -> slot.getVisit().getCountyId(), ConstraintCollectors.count())
			.penalizeConfigurable((county, unfilled) -> unfilled * unfilled)
			.asConstraint(WeekendWeights.COUNTY_SHORTAGE);
	}

	// Minutes on the road are minutes not spent on the problem.
	Constraint travelTime(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.penalizeConfigurable(SeatSlot::travelMinutes)
			.asConstraint(WeekendWeights.TRAVEL);
	}

	// Keep the rare top-level people for the seats that need them.
	Constraint overQualified(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> slot.getExpert().levelOf(slot.getSkill()) > slot.getMinLevel())
			.penalizeConfigurable(slot -> slot.getExpert().levelOf(slot.getSkill()) - slot.getMinLevel())
			.asConstraint(WeekendWeights.OVER_QUALIFIED);
	}

	// Two weekends in a row away from home are a burden even within the monthly cap.
	// Counted per pair of weekends, not per pair of slots: a Saturday and a Sunday visit are one weekend.
	Constraint consecutiveWeekends(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> slot.getDate() != null)
			.groupBy(SeatSlot::getExpert, SeatSlot::weekend)
			.ifExists(SeatSlot.class, Joiners.equal((expert, weekend) -> expert, SeatSlot::getExpert),
					Joiners.filtering((expert, weekend, later) -> later.getDate() != null
							&& weekend.plusWeeks(1).equals(later.weekend())))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.CONSECUTIVE);
	}

	// Experts said where and on what they like to help; each miss counts once.
	Constraint preferences(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.filter(slot -> preferenceMisses(slot) > 0)
			.penalizeConfigurable(WeekendConstraints::preferenceMisses)
			.asConstraint(WeekendWeights.PREFERENCES);
	}

	// Replanning should not move people who already have the offer without need.
	Constraint stability(ConstraintFactory factory) {
		return factory.forEachIncludingNullVars(SeatSlot.class)
			.filter(slot -> slot.getPreviousExpertId() != null
					&& (slot.getExpert() == null || !slot.getPreviousExpertId().equals(slot.getExpert().getId())))
			.penalizeConfigurable()
			.asConstraint(WeekendWeights.STABILITY);
	}

	// Colleagues from one organisation can share a car to the county.
	Constraint sharedTravel(ConstraintFactory factory) {
		return factory.forEachUniquePair(SeatSlot.class, Joiners.equal(SeatSlot::getVisit))
			.filter((a, b) -> a.getExpert().getOrganisationId().equals(b.getExpert().getOrganisationId()))
			.rewardConfigurable()
			.asConstraint(WeekendWeights.SHARED_TRAVEL);
	}

	// Counties' feedback on earlier visits of the same kind predicts the next one; see TrackRecord for the prior.
	Constraint trackRecord(ConstraintFactory factory) {
		return factory.forEach(SeatSlot.class)
			.penalizeConfigurable(slot -> slot.getExpert().trackRecordOn(slot.getVisit().getCategory()).penalty())
			.asConstraint(WeekendWeights.TRACK_RECORD);
	}

	static int preferenceMisses(SeatSlot slot) {
		var expert = slot.getExpert();
		int misses = 0;
		if (!expert.getPreferredCountyIds().isEmpty()
				&& !expert.getPreferredCountyIds().contains(slot.getVisit().getCountyId())) {
			misses++;
		}
		if (!expert.getPreferredCategories().isEmpty()
				&& !expert.getPreferredCategories().contains(slot.getVisit().getCategory())) {
			misses++;
		}
		return misses;
	}

}
