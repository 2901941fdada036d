package cn.talentexchange.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a verified token into the caller as the account stands at this request, not as it stood when the token was
 * issued: a role an admin removed, or an account disabled or retired, takes effect on the next request. A token
 * whose account is gone or disabled is refused (401).
 */
@Component
class TokenAccounts implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final List<AccountDirectory> directories;

	TokenAccounts(List<AccountDirectory> directories) {
		this.directories = directories;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Flux.fromIterable(directories)
			.concatMap(directory -> directory.findActive(jwt.getSubject()))
			.next()
			.<AbstractAuthenticationToken>map(account -> new CallerAuthentication(jwt, new Caller(account.username(),
					Set.copyOf(account.roles()), Optional.ofNullable(account.countyId()), Set.copyOf(account.organisationIds()),
					account.locale() == null ? "zh-CN" : account.locale())))
			.switchIfEmpty(Mono.error(() -> new DisabledException("No active account for this token")));
	}

}
