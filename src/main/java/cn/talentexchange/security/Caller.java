package cn.talentexchange.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind a request, read from the verified token.
 *
 * @param username the login ({@code sub}); an expert's profile is found by it
 * @param countyId the county a county agency acts for
 * @param organisationIds the organisations an HR bureau acts for
 */
public record Caller(String username, Set<Role> roles, Optional<String> countyId, Set<String> organisationIds,
		String locale) {

	public static final String ROLES_CLAIM = "roles";

	public static final String COUNTY_CLAIM = "county";

	public static final String ORGANISATIONS_CLAIM = "orgs";

	public static final String LOCALE_CLAIM = "locale";

	static Caller from(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (claimed != null) {
			claimed.stream().filter(Caller::isRole).map(Role::valueOf).forEach(roles::add);
		}
		List<String> organisations = jwt.getClaimAsStringList(ORGANISATIONS_CLAIM);
		String locale = jwt.getClaimAsString(LOCALE_CLAIM);
		return new Caller(jwt.getSubject(), Set.copyOf(roles), Optional.ofNullable(jwt.getClaimAsString(COUNTY_CLAIM)),
				organisations == null ? Set.of() : Set.copyOf(organisations), locale == null ? "zh-CN" : locale);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isCoordinator() {
		return has(Role.COORDINATOR);
	}

	private static boolean isRole(String name) {
		for (Role role : Role.values()) {
			if (role.name().equals(name)) {
				return true;
			}
		}
		return false;
	}

}
