package cn.talentexchange.secondment.solver;

import java.util.List;

import cn.talentexchange.secondment.Direction;
import cn.talentexchange.secondment.Period;
import cn.talentexchange.secondment.RequiredSkill;
import cn.talentexchange.secondment.Sector;
import cn.talentexchange.secondment.Tier;

/**
 * A post as the solver sees it.
 *
 * @param hostPairingId the pairing of the host organisation's area (a county's, or the one a district or park is in)
 * @param priorityWeight what an empty position costs: LOW 1, NORMAL 2, HIGH 4, CRITICAL 8
 */
public record PostFact(String id, String hostOrganisationId, String hostAreaId, Sector hostSector, Tier hostTier,
		String hostPairingId, Period period, List<RequiredSkill> requiredSkills, Direction direction, int priorityWeight) {
}
