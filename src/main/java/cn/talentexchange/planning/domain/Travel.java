package cn.talentexchange.planning.domain;

import cn.talentexchange.pairing.GeoPoint;

/**
 * Travel time estimated from straight-line distance: roads around Shenyang run about 1.3 times the
 * great-circle distance, at an average 60 km/h, plus 10 minutes to get going and park. Good enough to
 * rank and to respect an expert's limit; a routing service can replace it behind this one method.
 */
public final class Travel {

	static final double DETOUR_FACTOR = 1.3;

	static final int FIXED_MINUTES = 10;

	private Travel() {
	}

	public static int minutes(GeoPoint from, GeoPoint to) {
		double roadKm = from.distanceKm(to) * DETOUR_FACTOR;
		return FIXED_MINUTES + (int) Math.round(roadKm);
	}

}
