package cn.talentexchange.demand;

import cn.talentexchange.pairing.GeoPoint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Where the experts go. */
public record Site(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
		@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon, @NotBlank @Size(max = 200) String address) {

	public GeoPoint point() {
		return new GeoPoint(lat, lon);
	}

}
