package cn.talentexchange.security;

import java.util.Set;

/** What a token says about a person: the claims the dev token endpoint signs and Firebase custom claims carry. */
public record Account(String username, Set<Role> roles, String countyId, Set<String> organisationIds, String locale) {
}
