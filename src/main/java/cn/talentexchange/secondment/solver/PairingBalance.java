package cn.talentexchange.secondment.solver;

/** A pairing's cadre-months so far, from the ledger: what the plan should balance. */
public record PairingBalance(String pairingId, double cityToCounty, double countyToCity) {

	/** Positive when the city has sent more. */
	public double imbalance() {
		return cityToCounty - countyToCity;
	}

}
