package cn.talentexchange.secondment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAwayPerOrganisation how many people of one home organisation may be seconded at the same time
 * @param solverProfile the solver file (without .xml) in the solver configuration directory
 * @param oneAccountApprovesBothSides whether an HR account acting for both organisations may give both approvals of
 *        one placement; by default a second person must approve the other side
 */
@ConfigurationProperties("talent.secondments")
public record SecondmentSettings(@DefaultValue("3") int maxAwayPerOrganisation,
		@DefaultValue("secondment") String solverProfile, @DefaultValue("false") boolean oneAccountApprovesBothSides) {
}
