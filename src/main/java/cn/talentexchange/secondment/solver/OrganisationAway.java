package cn.talentexchange.secondment.solver;

import java.util.List;

import cn.talentexchange.secondment.Period;

/** The periods people of one home organisation are already away, outside this plan. */
public record OrganisationAway(String organisationId, List<Period> away) {
}
