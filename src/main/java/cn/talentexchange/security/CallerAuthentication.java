package cn.talentexchange.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified token and the caller as the account stands now: roles, county and organisations read from the store. */
final class CallerAuthentication extends JwtAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Jwt jwt, Caller caller) {
		super(jwt, authorities(caller), caller.username());
		this.caller = caller;
	}

	Caller caller() {
		return caller;
	}

	private static Collection<GrantedAuthority> authorities(Caller caller) {
		return caller.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

}
