package cn.talentexchange.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the yearly evaluation weighs a pairing's figures. Each weight multiplies one component scored from 0 to
 * 1; the score is the weighted mean of the components that have data, times 100.
 *
 * @param fill seats filled / seats posted
 * @param solved (solved + half of partly solved) / completed visits: an unrated visit counts as not solved
 * @param rating (average rating - 1) / 4
 * @param reliability 1 - no-show rate
 * @param speed 1 - median hours to the first acceptance / {@code speedHorizonHours}, between 0 and 1
 * @param exchange the cadre-months the pairing's people served, both ways, / the most any pairing served
 * @param speedHorizonHours a median this long or longer scores 0 on speed
 */
@ConfigurationProperties("talent.reports.annual-score")
record AnnualScoreSettings(@DefaultValue("30") double fill, @DefaultValue("25") double solved,
		@DefaultValue("15") double rating, @DefaultValue("10") double reliability, @DefaultValue("10") double speed,
		@DefaultValue("10") double exchange, @DefaultValue("720") double speedHorizonHours) {

	AnnualScoreSettings {
		for (double weight : new double[] { fill, solved, rating, reliability, speed, exchange }) {
			if (weight < 0) {
				throw new IllegalArgumentException("talent.reports.annual-score weights must not be negative");
			}
		}
		if (fill + solved + rating + reliability + speed + exchange == 0) {
			throw new IllegalArgumentException("talent.reports.annual-score needs at least one weight above 0");
		}
		if (speedHorizonHours <= 0) {
			throw new IllegalArgumentException("talent.reports.annual-score.speed-horizon-hours must be positive");
		}
	}

}
