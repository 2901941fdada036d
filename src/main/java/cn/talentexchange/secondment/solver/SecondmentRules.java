package cn.talentexchange.secondment.solver;

/** Settings the rules read: how many people of one home organisation may be away at once. */
public record SecondmentRules(int maxAwayPerOrganisation) {
}
