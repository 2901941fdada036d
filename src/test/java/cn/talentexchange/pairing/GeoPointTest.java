package cn.talentexchange.pairing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

	@Test
	void measuresGreatCircleDistance() {
		GeoPoint shenyangStation = new GeoPoint(41.7947, 123.3925);
		GeoPoint fakuSeat = new GeoPoint(42.5006, 123.4163);
		assertThat(shenyangStation.distanceKm(fakuSeat)).isCloseTo(78.5, within(1.0));
		assertThat(fakuSeat.distanceKm(fakuSeat)).isZero();
	}

}
