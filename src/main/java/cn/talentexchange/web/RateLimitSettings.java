package cn.talentexchange.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param writesPerMinute writes (POST, PUT, PATCH, DELETE) one signed-in caller may make in a minute, in bursts
 *        of up to as many
 * @param publicPerMinute calls one client address may make in a minute to the endpoints without a token: the dev
 *        token endpoint and the calendar feeds
 * @param refusalsPerMinute refused authentications (no token, or a bad, expired or revoked one) one client address
 *        may have in a minute before its calls are turned away unchecked
 */
@ConfigurationProperties("talent.rate-limits")
public record RateLimitSettings(@DefaultValue("600") int writesPerMinute, @DefaultValue("600") int publicPerMinute,
		@DefaultValue("600") int refusalsPerMinute) {
}
