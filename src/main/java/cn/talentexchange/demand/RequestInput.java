package cn.talentexchange.demand;

import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.pairing.ActionCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A county problem as an agency writes it. {@code countyId} may be left out by an agency (it is theirs);
 * {@code version} is what an update expects to replace and is ignored on creation.
 */
record RequestInput(
		@Size(max = 64) String countyId,
		@NotBlank @Size(max = 120) String title,
		@NotBlank @Size(max = 4000) String description,
		@NotNull ActionCategory category,
		@NotBlank @Size(max = 64) String subCategory,
		@NotEmpty @Size(max = 10) List<@NotNull @Valid Seat> seats,
		@NotEmpty @Size(max = 8) List<@NotNull LocalDate> acceptableDates,
		@NotNull VisitDuration duration,
		@NotNull Priority priority,
		@NotNull @Valid Site location,
		@Size(max = 64) String followUpOf,
		@Size(max = 20) List<@NotBlank @Size(max = 64) String> excludedOrganisationIds,
		@Size(max = 50) List<@NotBlank @Size(max = 64) String> excludedExpertIds,
		@Size(max = 2000) String internalNotes,
		@Valid Contact contact,
		@Min(0) Long version) {
}
