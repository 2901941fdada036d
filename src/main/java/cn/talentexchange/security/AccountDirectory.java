package cn.talentexchange.security;

import reactor.core.publisher.Mono;

/** A place that knows accounts by username: staff users here, experts in the expert module. */
public interface AccountDirectory {

	Mono<Account> findActive(String username);

}
