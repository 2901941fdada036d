package cn.talentexchange.report;

import java.util.Arrays;
import java.util.Collection;

/** The few statistics the reports take, each null where it is undefined rather than a misleading zero. */
final class Statistics {

	private Statistics() {
	}

	/** The middle value, or the mean of the two middle ones; null for none. */
	static Double median(Collection<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/**
	 * The Gini coefficient of non-negative loads: 0 when everyone carries the same, approaching 1 when one
	 * carries all. Null when there is nobody or no load at all.
	 */
	static Double gini(double[] loads) {
		double total = Arrays.stream(loads).sum();
		if (loads.length == 0 || total == 0) {
			return null;
		}
		double[] sorted = loads.clone();
		Arrays.sort(sorted);
		double weighted = 0;
		for (int i = 0; i < sorted.length; i++) {
			weighted += (i + 1) * sorted[i];
		}
		int n = sorted.length;
		return 2 * weighted / (n * total) - (n + 1.0) / n;
	}

	/** part / whole, null when the whole is zero. */
	static Double ratio(double part, double whole) {
		return whole == 0 ? null : part / whole;
	}

	static Double round(Double value, int decimals) {
		if (value == null) {
			return null;
		}
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
