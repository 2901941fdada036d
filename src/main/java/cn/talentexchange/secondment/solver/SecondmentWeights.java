package cn.talentexchange.secondment.solver;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The coordination office's tuning of the matcher's soft rules; 0 switches a rule off.
 *
 * @param reciprocity per tenth of a cadre-month by which a proposal grows a pairing's imbalance (the ledger's
 *        months one way minus the other); a proposal that shrinks it earns as much
 * @param otherPairing per placement between a county and a city side outside its pairing
 * @param preference per placement outside the candidate's preferred areas
 * @param continuity reward per candidate returning to an organisation that hosted them before
 */
public record SecondmentWeights(
		@NotNull @Min(0) @Max(100_000) Long reciprocity,
		@NotNull @Min(0) @Max(100_000) Long otherPairing,
		@NotNull @Min(0) @Max(100_000) Long preference,
		@NotNull @Min(0) @Max(100_000) Long continuity) {

	public static final SecondmentWeights DEFAULTS = new SecondmentWeights(1L, 60L, 20L, 30L);

}
