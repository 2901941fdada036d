package cn.talentexchange.report;

import java.util.Map;

import cn.talentexchange.assignment.DeclineReason;
import cn.talentexchange.demand.Priority;

/**
 * What one pairing (or all the caller sees) did in a period. Demand counts the requests opened in the period;
 * visits count the assignments whose visit date is in it.
 */
record Figures(Demand demand, Visits visits, Outcomes outcomes, Fairness fairness, CadreMonths secondments) {

	/**
	 * @param requestsPosted requests opened for planning in the period, cancelled ones included
	 * @param seats the positions of those not cancelled, and how many an expert took (said yes and did not
	 *        withdraw, whether or not they came)
	 * @param medianHoursToFirstAcceptance from opening to the first expert's yes, over the requests that had one
	 */
	record Demand(int requestsPosted, int requestsCancelled, Seats seats, Map<Priority, Seats> seatsByPriority,
			Double medianHoursToFirstAcceptance, int requestsAccepted) {
	}

	record Seats(int positions, int filled, int unfilled, Double fillRate) {

		static Seats of(int positions, int filled) {
			return new Seats(positions, filled, positions - filled, Statistics.round(Statistics.ratio(filled, positions), 4));
		}

	}

	/**
	 * @param offers every assignment made for a visit in the period, whatever became of it
	 * @param accepted offers the expert said yes to at some point
	 * @param declineRate declined / offers
	 * @param declineRatesByReason declined for the reason / offers
	 * @param noShowRate no-shows / (completed + no-shows)
	 * @param expertDays completed visits, a whole weekend counting two
	 * @param hours the hours recorded on completed visits
	 */
	record Visits(int offers, int accepted, int declined, Double declineRate, Map<DeclineReason, Integer> declinesByReason,
			Map<DeclineReason, Double> declineRatesByReason, int expired, int completed, int noShows, Double noShowRate, int expertDays, double hours) {
	}

	/** The counties' ratings of completed visits: how many were rated, what became of the problem, the mean. */
	record Outcomes(int rated, int solved, int partlySolved, int notSolved, Double averageRating) {
	}

	/**
	 * @param expertLoadGini how unevenly the days were spread over the pool (0 even, towards 1 all on one)
	 * @param expertsInPool the experts the planner may use today, of the pairing's park and district
	 * @param expertsWithLoad those of them with at least one day in the period
	 */
	record Fairness(Double expertLoadGini, int expertsInPool, int expertsWithLoad) {
	}

	/** Cadre-months of secondment inside the period, from the reciprocity ledger. */
	record CadreMonths(double cityToCounty, double countyToCity) {
	}

}
