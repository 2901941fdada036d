package cn.talentexchange.planning.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The coordination office's tuning of the soft rules; 0 switches a rule off. Units: per slot unless
 * said otherwise. The defaults make one hour of travel the yardstick.
 *
 * @param outsidePairing an expert from outside the county's own district and park
 * @param continuity reward for an expert returning to a follow-up of a problem they worked on
 * @param expertLoad times the square of each expert's number of visits in the plan
 * @param countyShortage times the square of each county's unfilled seats
 * @param travel per minute of estimated travel
 * @param overQualified per skill level above the seat's minimum
 * @param consecutive per pair of back-to-back weekends of one expert
 * @param preferences per preference (county, category) the visit misses
 * @param stability per offered or accepted expert moved off a seat
 * @param sharedTravel reward per pair of colleagues (same organisation) on one visit
 * @param trackRecord per point of the expert's {@link TrackRecord#penalty()} on the visit's category of problem
 */
public record SoftWeights(
		@NotNull @Min(0) @Max(100_000) Long outsidePairing,
		@NotNull @Min(0) @Max(100_000) Long continuity,
		@NotNull @Min(0) @Max(100_000) Long expertLoad,
		@NotNull @Min(0) @Max(100_000) Long countyShortage,
		@NotNull @Min(0) @Max(100_000) Long travel,
		@NotNull @Min(0) @Max(100_000) Long overQualified,
		@NotNull @Min(0) @Max(100_000) Long consecutive,
		@NotNull @Min(0) @Max(100_000) Long preferences,
		@NotNull @Min(0) @Max(100_000) Long stability,
		@NotNull @Min(0) @Max(100_000) Long sharedTravel,
		@NotNull @Min(0) @Max(100_000) Long trackRecord) {

	public static final SoftWeights DEFAULTS = new SoftWeights(60L, 120L, 30L, 50L, 1L, 10L, 40L, 20L, 300L, 15L, 1L);

}
