package cn.talentexchange.security;

import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sets on a staff account.
 *
 * @param countyId the county a COUNTY_AGENCY acts for; only with that role
 * @param organisationIds the districts, parks and counties an HR_BUREAU acts for; only with that role
 * @param version the version read, unless sent as If-Match
 */
record RoleChange(@NotEmpty @Size(max = 4) Set<Role> roles, @Size(min = 1, max = 64) String countyId,
		@Size(max = 20) Set<@NotBlank @Size(max = 64) String> organisationIds, @Min(0) Long version) {
}
