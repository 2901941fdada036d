package cn.talentexchange.demand;

/** How much an unfilled seat of the request weighs in planning. */
public enum Priority {

	LOW(1), NORMAL(2), HIGH(4), CRITICAL(8);

	private final int weight;

	Priority(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}

}
