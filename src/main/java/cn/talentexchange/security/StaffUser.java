package cn.talentexchange.security;

import java.util.Set;

import cn.talentexchange.database.Versioned;

import org.springframework.data.mongodb.core.mapping.Document;

/** A staff account: coordinators, county agencies, HR bureaus and admins. Experts are their profiles. */
@Document("users")
public record StaffUser(String id, String username, String displayName, Set<Role> roles, String countyId,
		Set<String> organisationIds, String locale, boolean enabled, long version) implements Versioned {

	Account account() {
		return new Account(username, roles, countyId, organisationIds == null ? Set.of() : organisationIds, locale);
	}

}
