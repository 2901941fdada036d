package cn.talentexchange.secondment.solver;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.secondment.Period;
import cn.talentexchange.secondment.Sector;
import cn.talentexchange.secondment.Tier;

/**
 * A candidate as the solver sees it.
 *
 * @param homePairingId the pairing of the home organisation's area
 * @param commitments the periods the person is already placed (outside this plan)
 * @param earlierHostOrganisationIds where the person served before: continuity is worth something
 */
public record CandidateFact(String id, String homeOrganisationId, String homeAreaId, Sector homeSector, Tier homeTier,
		String homePairingId, Map<String, Integer> skills, List<Period> availability, List<Period> commitments,
		Set<String> preferredAreaIds, Set<String> earlierHostOrganisationIds) {

	public int levelOf(String skill) {
		return skills.getOrDefault(skill, 0);
	}

	public boolean isAvailableFor(Period period) {
		return availability.stream().anyMatch(free -> free.covers(period));
	}

	public boolean isCommittedDuring(Period period) {
		return commitments.stream().anyMatch(held -> held.overlaps(period));
	}

	@Override
	public String toString() {
		return id;
	}

}
