package cn.talentexchange.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The yearly evaluation: the pairings ranked by score, each with the components it was scored on and the
 * figures behind them. A county agency sees its own pairing's line, ranked among all four.
 */
record AnnualReport(int year, LocalDate from, LocalDate to, Instant generatedAt, AnnualScoreSettings weights,
		List<RankedPairing> ranking) {

	/** {@code score} is null when no component has data; such pairings rank last. */
	record RankedPairing(int rank, String pairingId, String countyId, Double score, Components components,
			Figures figures) {
	}

	/** Each from 0 to 1, null when the year gave nothing to score it on. */
	record Components(Double fill, Double solved, Double rating, Double reliability, Double speed, Double exchange) {
	}

}
