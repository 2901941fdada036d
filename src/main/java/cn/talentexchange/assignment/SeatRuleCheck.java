package cn.talentexchange.assignment;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Judges a hand-made change of who holds a seat position against the planner's own hard rules. The planning module
 * answers, with the very constraints the solver scores by, so a hand override and a plan can never disagree on what
 * a rule says.
 */
public interface SeatRuleCheck {

	/** The hard rules the expert would break holding this seat position on its date. */
	Mono<BrokenRules> check(Assignment seat, String expertId);

	/**
	 * @param impossible rules no override may break: one person on two seats of a visit, or in two places on one day
	 * @param overridable rules a coordinator may break with an explicit override and a reason
	 */
	record BrokenRules(List<String> impossible, List<String> overridable) {
	}

}
