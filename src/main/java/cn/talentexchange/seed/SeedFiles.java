package cn.talentexchange.seed;

import java.time.DayOfWeek;
import java.util.List;

import cn.talentexchange.demand.Contact;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.Site;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.County;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.Park;
import cn.talentexchange.pairing.UrbanDistrict;
import cn.talentexchange.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** The shapes of the files in {@code seeds/}; seeds/README.md describes them for people. */
final class SeedFiles {

	private SeedFiles() {
	}

	record Geography(@NotEmpty List<@Valid @NotNull County> counties, @NotEmpty List<@Valid @NotNull UrbanDistrict> districts,
			@NotEmpty List<@Valid @NotNull Park> parks, @NotEmpty List<@Valid @NotNull Pairing> pairings) {
	}

	record Taxonomy(@NotEmpty List<@Valid @NotNull CategorySeed> categories, @NotEmpty List<@Valid @NotNull SkillSeed> skills) {
	}

	record CategorySeed(@NotNull ActionCategory code, @NotBlank String nameZh, @NotBlank String nameEn,
			@NotEmpty List<@Valid @NotNull NamedSeed> subCategories) {
	}

	record NamedSeed(@NotBlank String code, @NotBlank String nameZh, @NotBlank String nameEn) {
	}

	record SkillSeed(@NotBlank String code, @NotNull ActionCategory category, @NotBlank String nameZh,
			@NotBlank String nameEn) {
	}

	record UserSeed(@NotBlank String username, @NotBlank String displayName, @NotEmpty List<@NotNull Role> roles,
			String countyId, List<@NotBlank String> organisationIds, @NotBlank String locale) {
	}

	/** Weekend N is the N-th Saturday and Sunday after the day the seeds are loaded (N = 0 is the coming one). */
	record WeekendDays(@Min(0) @Max(52) int weekend, @NotEmpty List<@NotNull DayOfWeek> days) {
	}

	record ExpertSeed(@NotBlank String id, @NotBlank String username, @NotBlank String displayName, @NotBlank String phone,
			String email, @NotBlank String employer, @NotBlank String organisationId, @NotNull @Valid GeoPoint homeLocation,
			@NotEmpty List<@Valid @NotNull HeldSkill> skills, @NotNull List<@Valid @NotNull WeekendDays> availability,
			@Min(1) @Max(5) int maxWeekendsPerMonth, @Min(15) @Max(480) int maxTravelMinutes,
			List<@NotBlank String> preferredCountyIds, List<@NotNull ActionCategory> preferredCategories,
			@NotBlank String locale, boolean contactConsent, @NotNull ExpertStatus status) {
	}

	record AcceptableWeekends(@NotEmpty List<@Min(0) @Max(52) Integer> weekends, @NotEmpty List<@NotNull DayOfWeek> days) {
	}

	record RequestSeed(@NotBlank String id, @NotBlank String countyId, @NotBlank String postedBy, @NotBlank String title,
			@NotBlank String description, @NotNull ActionCategory category, @NotBlank String subCategory,
			@NotEmpty List<@Valid @NotNull Seat> seats, @NotNull @Valid AcceptableWeekends acceptable,
			@NotNull VisitDuration duration, @NotNull Priority priority, @NotNull @Valid Site location,
			@NotNull RequestStatus status, String followUpOf, List<String> excludedOrganisationIds,
			String internalNotes, @Valid Contact contact) {
	}

}
