package cn.talentexchange.secondment.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import cn.talentexchange.secondment.Period;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.tri.TriConstraintStream;

/** The secondment matching rules: six hard, one medium, five soft. */
public class SecondmentConstraints implements ConstraintProvider {

	public static final String SKILL = "Candidate lacks a required skill level";

	public static final String NOT_AVAILABLE = "Candidate not free for the whole period";

	public static final String ALREADY_PLACED = "Candidate already placed during the period";

	public static final String TWO_POSTS = "Candidate in two overlapping posts";

	public static final String DIRECTION = "Candidate does not fit the post's direction";

	public static final String TOO_MANY_AWAY = "Too many away from one home organisation";

	public static final String UNFILLED = "Unfilled position";

	public static final String RECIPROCITY = "Pairing exchange out of balance";

	public static final String RECIPROCITY_EVENED = "Pairing exchange evened out";

	public static final String OTHER_PAIRING = "Exchange outside the county's pairing";

	public static final String PREFERENCE = "Outside the candidate's preferences";

	public static final String CONTINUITY = "Candidate returns to an earlier host";

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { lacksSkill(factory), notAvailable(factory), alreadyPlaced(factory), twoPosts(factory),
				wrongDirection(factory), tooManyAway(factory), unfilled(factory), reciprocity(factory), reciprocityEvened(factory),
				otherPairing(factory), preference(factory), continuity(factory) };
	}

	// One match per required skill the candidate lacks at the level asked.
	Constraint lacksSkill(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.penalize(HardMediumSoftLongScore.ONE_HARD, slot -> (int) slot.getPost().requiredSkills().stream()
				.filter(required -> slot.getCandidate().levelOf(required.skill()) < required.minLevel())
				.count())
			.asConstraint(SKILL);
	}

	Constraint notAvailable(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> !slot.getCandidate().isAvailableFor(slot.period()))
			.penalize(HardMediumSoftLongScore.ONE_HARD)
			.asConstraint(NOT_AVAILABLE);
	}

	Constraint alreadyPlaced(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> slot.getCandidate().isCommittedDuring(slot.period()))
			.penalize(HardMediumSoftLongScore.ONE_HARD)
			.asConstraint(ALREADY_PLACED);
	}

	Constraint twoPosts(ConstraintFactory factory) {
		return factory.forEachUniquePair(PositionSlot.class, Joiners.equal(PositionSlot::getCandidate))
			.filter((first, second) -> first.period().overlaps(second.period()))
			.penalize(HardMediumSoftLongScore.ONE_HARD)
			.asConstraint(TWO_POSTS);
	}

	Constraint wrongDirection(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> !slot.getPost().direction().allows(slot.getCandidate().homeSector(), slot.getCandidate().homeTier(),
					slot.getPost().hostSector(), slot.getPost().hostTier()))
			.penalize(HardMediumSoftLongScore.ONE_HARD)
			.asConstraint(DIRECTION);
	}

	// One match per home organisation; the weight is how far its most crowded day goes over the limit.
	Constraint tooManyAway(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.groupBy(slot -> slot.getCandidate().homeOrganisationId(), ConstraintCollectors.toList(PositionSlot::period))
			.join(OrganisationAway.class, Joiners.equal((organisation, periods) -> organisation, OrganisationAway::organisationId))
			.join(SecondmentRules.class)
			.filter((organisation, planned, away, rules) -> mostAtOnce(planned, away.away()) > rules.maxAwayPerOrganisation())
			.penalize(HardMediumSoftLongScore.ONE_HARD,
					(organisation, planned, away, rules) -> mostAtOnce(planned, away.away()) - rules.maxAwayPerOrganisation())
			.asConstraint(TOO_MANY_AWAY);
	}

	Constraint unfilled(ConstraintFactory factory) {
		return factory.forEachIncludingNullVars(PositionSlot.class)
			.filter(slot -> slot.getCandidate() == null)
			.penalize(HardMediumSoftLongScore.ONE_MEDIUM, slot -> slot.getPost().priorityWeight())
			.asConstraint(UNFILLED);
	}

	/**
	 * Each pairing's cadre-months should flow both ways. The plan is judged by how much it changes the pairing's
	 * imbalance (from the ledger): making it worse costs, per tenth of a month ...
	 */
	Constraint reciprocity(ConstraintFactory factory) {
		return plannedExchange(factory)
			.filter((pairing, tenths, balance) -> imbalanceGrowth(balance, tenths) > 0)
			.penalizeConfigurable((pairing, tenths, balance) -> imbalanceGrowth(balance, tenths))
			.asConstraint(RECIPROCITY);
	}

	/** ... and evening it out earns as much. */
	Constraint reciprocityEvened(ConstraintFactory factory) {
		return plannedExchange(factory)
			.filter((pairing, tenths, balance) -> imbalanceGrowth(balance, tenths) < 0)
			.rewardConfigurable((pairing, tenths, balance) -> -imbalanceGrowth(balance, tenths))
			.asConstraint(RECIPROCITY_EVENED);
	}

	/** Per pairing: the plan's cadre-months in tenths, city-to-county positive, with the ledger's balance so far. */
	private static TriConstraintStream<String, Integer, PairingBalance> plannedExchange(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> slot.pairingId() != null)
			.groupBy(PositionSlot::pairingId,
					ConstraintCollectors.sum(slot -> (int) Math.round(slot.period().months() * 10) * (slot.cityToCounty() ? 1 : -1)))
			.join(PairingBalance.class, Joiners.equal((pairing, tenths) -> pairing, PairingBalance::pairingId));
	}

	Constraint otherPairing(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> slot.getCandidate().homeTier() != slot.getPost().hostTier()
					&& !Objects.equals(slot.getCandidate().homePairingId(), slot.getPost().hostPairingId()))
			.penalizeConfigurable()
			.asConstraint(OTHER_PAIRING);
	}

	Constraint preference(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> !slot.getCandidate().preferredAreaIds().isEmpty()
					&& !slot.getCandidate().preferredAreaIds().contains(slot.getPost().hostAreaId()))
			.penalizeConfigurable()
			.asConstraint(PREFERENCE);
	}

	Constraint continuity(ConstraintFactory factory) {
		return factory.forEach(PositionSlot.class)
			.filter(slot -> slot.getCandidate().earlierHostOrganisationIds().contains(slot.getPost().hostOrganisationId()))
			.rewardConfigurable()
			.asConstraint(CONTINUITY);
	}

	/** Tenths of a cadre-month by which the plan grows the pairing's absolute imbalance (negative: shrinks it). */
	static int imbalanceGrowth(PairingBalance balance, int plannedTenths) {
		long before = Math.round(Math.abs(balance.imbalance()) * 10);
		long after = Math.round(Math.abs(balance.imbalance() * 10 + plannedTenths));
		return (int) (after - before);
	}

	/** The most periods that share one day, the planned ones and those already away together. */
	static int mostAtOnce(List<Period> planned, List<Period> away) {
		Map<LocalDate, Integer> changes = new TreeMap<>();
		List<Period> all = new ArrayList<>(planned);
		all.addAll(away);
		for (Period period : all) {
			changes.merge(period.start(), 1, Integer::sum);
			changes.merge(period.end().plusDays(1), -1, Integer::sum);
		}
		int current = 0;
		int most = 0;
		for (int change : changes.values()) {
			current += change;
			most = Math.max(most, current);
		}
		return most;
	}

}
