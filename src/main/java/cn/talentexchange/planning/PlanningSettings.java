package cn.talentexchange.planning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultProfile the solver file (without .xml) a plan uses unless it names another
 * @param offerWindow how long an expert has to answer an offer
 * @param offerCutoff an offer's deadline is never later than this before the visit
 * @param maxWindowDays the longest window one plan may cover
 * @param replanProfile the solver file for refilling given-back seats: a small problem, solved quickly
 * @param replanDelay how long after a seat is given back the replan starts, so that a burst of declines is one replan
 * @param shortestAnswerTime a replan offers a seat only if the expert still has this long to answer
 * @param unfilledAlertWithin coordinators hear of seats without an accepted expert this close to the visit
 */
@ConfigurationProperties("talent.planning")
public record PlanningSettings(@DefaultValue("weekend-interactive") String defaultProfile,
		@DefaultValue("48h") Duration offerWindow, @DefaultValue("72h") Duration offerCutoff, @DefaultValue("92") int maxWindowDays,
		@DefaultValue("weekend-replan") String replanProfile, @DefaultValue("5s") Duration replanDelay,
		@DefaultValue("12h") Duration shortestAnswerTime, @DefaultValue("7d") Duration unfilledAlertWithin) {
}
