package cn.talentexchange.security;

import java.util.Optional;
import java.util.Set;

/**
 * The person behind a request: the verified token's subject, with roles, county and organisations as the account
 * stands in the store at this request.
 *
 * @param username the login ({@code sub}); an expert's profile is found by it
 * @param countyId the county a county agency acts for
 * @param organisationIds the organisations an HR bureau acts for
 */
public record Caller(String username, Set<Role> roles, Optional<String> countyId, Set<String> organisationIds,
		String locale) {

	/** Claims the token issuers write for clients to read; the server itself reads the account. */
	public static final String ROLES_CLAIM = "roles";

	public static final String COUNTY_CLAIM = "county";

	public static final String ORGANISATIONS_CLAIM = "orgs";

	public static final String LOCALE_CLAIM = "locale";

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isCoordinator() {
		return has(Role.COORDINATOR);
	}

}
