package cn.talentexchange.planning.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * The hard rules about one expert on one seat position, in one place: the constraints score by them, the problem
 * builder keeps out of a position's candidates everyone they rule out on every date, the explanation's funnel
 * counts who each rule left out, and a hand override is judged by the constraints in turn. The rules that pair two
 * seats of the plan (two places at once, twice on a visit) live in the constraints alone.
 */
public final class SeatRules {

	private SeatRules() {
	}

	/** The seat asks for a skill at a level the expert does not have. */
	public static boolean lacksSkill(PlannedExpert expert, String skill, int minLevel) {
		return expert.levelOf(skill) < minLevel;
	}

	/** The expert did not offer the day (or, for a whole-weekend visit, both days), or holds it elsewhere already. */
	public static boolean notAvailable(PlannedExpert expert, Visit visit, LocalDate date) {
		return !expert.isFreeFor(visit, date);
	}

	/** The first half of {@link #notAvailable}: the expert did not offer the day. */
	public static boolean notOffered(PlannedExpert expert, Visit visit, LocalDate date) {
		return !expert.offered(visit, date);
	}

	/** The second half of {@link #notAvailable}: a visit outside this plan holds the day. */
	public static boolean busyElsewhere(PlannedExpert expert, Visit visit, LocalDate date) {
		return expert.isBusyElsewhere(visit, date);
	}

	/**
	 * By how many weekends the month goes over the expert's cap when the plan gives these Saturdays of it; the
	 * weekends committed outside the plan count too, and a weekend counts once.
	 */
	public static int weekendsOverCap(PlannedExpert expert, YearMonth month, Set<LocalDate> plannedSaturdays) {
		return Math.max(0, expert.weekendsGivenIn(month, plannedSaturdays) - expert.getMaxWeekendsPerMonth());
	}

	/** The estimated travel is longer than the expert is willing to go. */
	public static boolean tooFar(PlannedExpert expert, Visit visit) {
		return Travel.minutes(expert.getHome(), visit.getSite()) > expert.getMaxTravelMinutes();
	}

	/** The expert said no to this request before. */
	public static boolean declinedBefore(PlannedExpert expert, Visit visit) {
		return expert.hasDeclined(visit.getRequestId());
	}

	/** The request names the expert or the expert's organisation as conflicted. */
	public static boolean conflicted(PlannedExpert expert, Visit visit) {
		return visit.getExcludedExpertIds().contains(expert.getId())
				|| visit.getExcludedOrganisationIds().contains(expert.getOrganisationId());
	}

	/** Whether the expert breaks none of these rules on a position of the seat, on at least one of the visit's dates. */
	public static boolean couldTake(PlannedExpert expert, Visit visit, String skill, int minLevel) {
		return !lacksSkill(expert, skill, minLevel) && !declinedBefore(expert, visit) && !conflicted(expert, visit)
				&& !tooFar(expert, visit)
				&& visit.getAcceptableDates().stream().anyMatch(date -> !notAvailable(expert, visit, date));
	}

}
