package cn.talentexchange.secondment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.secondment.solver.CandidateFact;
import cn.talentexchange.secondment.solver.OrganisationAway;
import cn.talentexchange.secondment.solver.PairingBalance;
import cn.talentexchange.secondment.solver.PositionSlot;
import cn.talentexchange.secondment.solver.PostFact;
import cn.talentexchange.secondment.solver.SecondmentConstraintWeights;
import cn.talentexchange.secondment.solver.SecondmentPlan;
import cn.talentexchange.secondment.solver.SecondmentRules;
import cn.talentexchange.secondment.solver.SecondmentWeights;

/**
 * Turns stored posts, candidates and placements into the matcher's problem. Pure, so a test can feed it.
 * Each free position of an open post not yet begun becomes a slot; its candidates are those who could hold
 * it at all (direction, skills, free for the period, not placed then): the hard rules still guard these.
 */
final class SecondmentProblemBuilder {

	private SecondmentProblemBuilder() {
	}

	static SecondmentPlan build(LocalDate today, Collection<SecondmentPost> posts, Collection<SecondmentCandidate> candidates,
			Collection<Secondment> placements, Map<String, SecondmentOrganisation> organisations, Map<String, Pairing> byArea,
			int maxAway, SecondmentWeights weights) {
		Map<String, Set<String>> earlierHosts = new HashMap<>();
		Map<String, List<Period>> awayByOrganisation = new HashMap<>();
		Map<String, Integer> heldByPost = new HashMap<>();
		Map<String, double[]> monthsByPairing = new HashMap<>();
		for (Secondment placement : placements) {
			if (placement.status() != SecondmentStatus.NOMINATED && placement.status() != SecondmentStatus.APPROVED
					&& placement.status() != SecondmentStatus.TERMINATED) {
				earlierHosts.computeIfAbsent(placement.candidateId(), id -> new HashSet<>()).add(placement.hostOrganisationId());
			}
			if (SecondmentStatus.HOLDING.contains(placement.status())) {
				awayByOrganisation.computeIfAbsent(placement.homeOrganisationId(), id -> new ArrayList<>()).add(placement.period());
				heldByPost.merge(placement.postId(), 1, Integer::sum);
			}
			SecondmentOrganisation home = organisations.get(placement.homeOrganisationId());
			if (placement.pairingId() != null && placement.counted() != null && home != null) {
				monthsByPairing.computeIfAbsent(placement.pairingId(), id -> new double[2])[home.tier() == Tier.CITY ? 0 : 1] +=
						placement.counted().months();
			}
		}
		List<CandidateFact> facts = new ArrayList<>();
		for (SecondmentCandidate candidate : candidates) {
			SecondmentOrganisation home = organisations.get(candidate.homeOrganisationId());
			if (home == null) {
				continue;
			}
			Pairing pairing = byArea.get(home.areaId());
			facts.add(new CandidateFact(candidate.id(), home.id(), home.areaId(), home.sector(), home.tier(),
					pairing == null ? null : pairing.id(),
					candidate.skills().stream().collect(Collectors.toMap(HeldSkill::skill, HeldSkill::level, Math::max)),
					candidate.availability(),
					candidate.commitments().stream().map(SecondmentCandidate.Commitment::period).toList(),
					Set.copyOf(candidate.preferredAreaIds()), earlierHosts.getOrDefault(candidate.id(), Set.of())));
		}
		List<PositionSlot> slots = new ArrayList<>();
		for (SecondmentPost post : posts) {
			SecondmentOrganisation host = organisations.get(post.hostOrganisationId());
			if (host == null || post.status() != SecondmentPost.PostStatus.OPEN || post.period().start().isBefore(today)) {
				continue;
			}
			Pairing pairing = byArea.get(host.areaId());
			PostFact fact = new PostFact(post.id(), host.id(), host.areaId(), host.sector(), host.tier(),
					pairing == null ? null : pairing.id(), post.period(), post.requiredSkills(), post.direction(),
					post.priority().weight());
			List<CandidateFact> fitting = facts.stream().filter(candidate -> couldHold(candidate, fact)).toList();
			int held = heldByPost.getOrDefault(post.id(), 0);
			for (int position = held; position < post.positions(); position++) {
				slots.add(new PositionSlot(post.id() + "#" + position, fact, position, fitting));
			}
		}
		Set<String> homeOrganisations = facts.stream().map(CandidateFact::homeOrganisationId).collect(Collectors.toSet());
		List<OrganisationAway> away = homeOrganisations.stream()
			.map(organisation -> new OrganisationAway(organisation, awayByOrganisation.getOrDefault(organisation, List.of())))
			.toList();
		Set<String> pairingIds = new HashSet<>();
		byArea.values().forEach(pairing -> pairingIds.add(pairing.id()));
		List<PairingBalance> balances = pairingIds.stream().map(id -> {
			double[] months = monthsByPairing.getOrDefault(id, new double[2]);
			return new PairingBalance(id, months[0], months[1]);
		}).toList();
		return new SecondmentPlan(facts, away, balances, new SecondmentRules(maxAway), new SecondmentConstraintWeights(weights),
				slots);
	}

	static boolean couldHold(CandidateFact candidate, PostFact post) {
		return post.direction().allows(candidate.homeSector(), candidate.homeTier(), post.hostSector(), post.hostTier())
				&& post.requiredSkills().stream().allMatch(required -> candidate.levelOf(required.skill()) >= required.minLevel())
				&& candidate.isAvailableFor(post.period()) && !candidate.isCommittedDuring(post.period());
	}

}
