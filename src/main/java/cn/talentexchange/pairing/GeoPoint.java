package cn.talentexchange.pairing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** A WGS 84 position. Distances are computed here, not in the database: the embedded server has no geo queries. */
public record GeoPoint(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
		@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

	private static final double EARTH_RADIUS_KM = 6371.0;

	/** Great-circle distance in kilometres (haversine). */
	public double distanceKm(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - lat);
		double dLon = Math.toRadians(other.lon - lon);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
	}

}
