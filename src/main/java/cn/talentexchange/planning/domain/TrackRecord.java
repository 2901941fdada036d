package cn.talentexchange.planning.domain;

import cn.talentexchange.assignment.Assignment;

/**
 * How an expert's earlier visits on one category of problem went, and what that predicts for the next.
 *
 * <p>A visit scores from 0 to 1, half for the outcome (solved 1, partly solved 0.5, not solved 0) and half
 * for the county's rating ((rating - 1) / 4); a no-show scores 0. The track record is their mean shrunk
 * towards a prior, as if every expert had already made {@value #PRIOR_VISITS} visits scoring
 * {@value #PRIOR_MEAN}: {@code (0.6 * 3 + sum of visit scores) / (3 + visits)}. Someone with no history
 * scores exactly the prior, and one visit moves the record only a quarter of the way to its own score, so a
 * newcomer is not starved by a single lucky colleague.
 *
 * <p>The prior sits a little above a middling visit (partly solved, rated 3: 0.5): experts join vetted by
 * their organisation, and an untried expert should not rank below someone whose one visit went half way.
 *
 * @param visits rated completed visits and no-shows
 * @param noShows visits the expert did not turn up to
 * @param solved rated visits that solved the problem
 * @param partlySolved rated visits that partly solved it
 * @param ratingTotal the sum of the ratings (1 to 5) of the rated visits
 */
public record TrackRecord(int visits, int noShows, int solved, int partlySolved, int ratingTotal) {

	public static final double PRIOR_MEAN = 0.6;

	public static final int PRIOR_VISITS = 3;

	public static final TrackRecord NONE = new TrackRecord(0, 0, 0, 0, 0);

	public TrackRecord withRatedVisit(Assignment.Outcome outcome, int rating) {
		return new TrackRecord(visits + 1, noShows, solved + (outcome == Assignment.Outcome.SOLVED ? 1 : 0),
				partlySolved + (outcome == Assignment.Outcome.PARTLY_SOLVED ? 1 : 0), ratingTotal + rating);
	}

	public TrackRecord withNoShow() {
		return new TrackRecord(visits + 1, noShows + 1, solved, partlySolved, ratingTotal);
	}

	public int rated() {
		return visits - noShows;
	}

	/** The mean rating of the rated visits; 0 when none was rated. */
	public double averageRating() {
		return rated() == 0 ? 0 : (double) ratingTotal / rated();
	}

	/** The shrunk mean visit score, from 0 to 1. */
	public double score() {
		double visitScores = (solved + partlySolved / 2.0 + (ratingTotal - rated()) / 4.0) / 2;
		return (PRIOR_MEAN * PRIOR_VISITS + visitScores) / (PRIOR_VISITS + visits);
	}

	/** What the planner charges per seat: 40 for a newcomer, less for a better record, more for a worse one. */
	public int penalty() {
		return (int) Math.round(100 * (1 - score()));
	}

}
