package cn.talentexchange.expert;

import java.util.List;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coordinator registers an expert. */
record NewExpert(
		@NotBlank @Pattern(regexp = ExpertRules.USERNAME) String username,
		@NotBlank @Size(max = 80) String displayName,
		@NotBlank @Pattern(regexp = ExpertRules.PHONE) String phone,
		@Email @Size(max = 120) String email,
		@NotBlank @Size(max = 120) String employer,
		@NotBlank @Size(max = 64) String organisationId,
		@NotNull @Valid GeoPoint homeLocation,
		@NotEmpty @Size(max = 20) List<@NotNull @Valid HeldSkill> skills,
		@NotNull @Min(1) @Max(5) Integer maxWeekendsPerMonth,
		@NotNull @Min(15) @Max(480) Integer maxTravelMinutes,
		@Size(max = 4) List<@NotBlank @Size(max = 64) String> preferredCountyIds,
		@Size(max = 4) List<@NotNull ActionCategory> preferredCategories,
		@Pattern(regexp = ExpertRules.LOCALE) String locale,
		@NotNull Boolean contactConsent) {
}
