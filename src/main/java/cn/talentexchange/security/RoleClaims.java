package cn.talentexchange.security;

import reactor.core.publisher.Mono;

/**
 * Where a staff account's roles take effect for the tokens it gets next. The local token endpoint reads the
 * stored account, so there is nothing more to do; with Firebase Authentication the roles travel as the
 * account's custom claims and must be set there.
 */
interface RoleClaims {

	/** Fails, before anything is stored, if {@link #publish} could not take these settings for this account. */
	Mono<Void> check(StaffUser user);

	Mono<Void> publish(StaffUser user);

}
