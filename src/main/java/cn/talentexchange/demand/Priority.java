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

	public static Priority ofWeight(int weight) {
		for (Priority priority : values()) {
			if (priority.weight == weight) {
				return priority;
			}
		}
		throw new IllegalArgumentException("No priority weighs " + weight);
	}

}
