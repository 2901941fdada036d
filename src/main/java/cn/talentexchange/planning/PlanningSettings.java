package cn.talentexchange.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param solverConfigDirectory where the solver XML files are read from at run time
 * @param defaultProfile the solver file (without .xml) a plan uses unless it names another
 * @param offerWindow how long an expert has to answer an offer
 * @param offerCutoff an offer's deadline is never later than this before the visit
 * @param maxWindowDays the longest window one plan may cover
 */
@ConfigurationProperties("talent.planning")
public record PlanningSettings(@DefaultValue("solver-config") String solverConfigDirectory,
		@DefaultValue("weekend-interactive") String defaultProfile, @DefaultValue("48h") Duration offerWindow,
		@DefaultValue("72h") Duration offerCutoff, @DefaultValue("92") int maxWindowDays) {
}
