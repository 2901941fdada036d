package cn.talentexchange.expert;

import java.util.List;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What experts edit themselves. Skills and employer are vouched for by coordinators, so they are not here;
 * {@code paused} takes the expert out of planning without leaving the programme.
 */
record ProfileChanges(
		@NotBlank @Size(max = 80) String displayName,
		@NotBlank @Pattern(regexp = ExpertRules.PHONE) String phone,
		@Email @Size(max = 120) String email,
		@NotNull @Valid GeoPoint homeLocation,
		@NotNull @Min(1) @Max(5) Integer maxWeekendsPerMonth,
		@NotNull @Min(15) @Max(480) Integer maxTravelMinutes,
		@Size(max = 4) List<@NotBlank @Size(max = 64) String> preferredCountyIds,
		@Size(max = 4) List<@NotNull ActionCategory> preferredCategories,
		@Pattern(regexp = ExpertRules.LOCALE) String locale,
		@NotNull Boolean contactConsent,
		@NotNull Boolean paused,
		@Min(0) Long version) {
}
