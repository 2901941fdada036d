package cn.talentexchange.security;

import java.net.InetSocketAddress;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.CorsSettings;
import cn.talentexchange.web.CrossOrigin;
import cn.talentexchange.web.ProblemDocumentHandler;
import cn.talentexchange.web.ProblemType;
import cn.talentexchange.web.RateLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Who may call what, by role. Which documents a caller may see (their county, their own profile) is
 * decided in each module's queries, so a foreign document is a 404, not a 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	private static final String API = "/api/v1";

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ProblemDocumentHandler problems, TokenAccounts accounts,
			RateLimits rateLimits, CorsSettings cors, Environment environment) {
		ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
			rateLimits.countRefusal(exchange);
			return problems.write(exchange, new ApiProblem(ProblemType.UNAUTHENTICATED, "Send a valid bearer token"));
		};
		ServerAccessDeniedHandler forbidden = (exchange, denied) -> problems.write(exchange,
				new ApiProblem(ProblemType.FORBIDDEN, "Your role does not allow this operation"));
		return http.cors(spec -> spec.configurationSource(CrossOrigin.rules(cors)))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.addFilterBefore(rateLimits::turnAwayRepeatedRefusals, SecurityWebFiltersOrder.AUTHENTICATION)
			// Once the caller is known (authenticated, and in the exchange), so that writes are counted per caller.
			.addFilterBefore(rateLimits::filter, SecurityWebFiltersOrder.AUTHORIZATION)
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
				// A scraper on the separate management port, which operators keep off the public network.
				.matchers(new AndServerWebExchangeMatcher(
						ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/actuator/prometheus"),
						onManagementPort(environment)))
				.permitAll()
				// The contract and its reader are public: an integrator needs them before having a token.
				.pathMatchers(HttpMethod.GET, "/openapi.yaml", "/swagger-ui", "/swagger-ui/**", "/webjars/**").permitAll()
				// The console's page and scripts hold no data: everything it shows comes from the API with the caller's token.
				.pathMatchers(HttpMethod.GET, "/", "/index.html", "/console/**").permitAll()
				.pathMatchers(HttpMethod.POST, API + "/dev/tokens").permitAll()
				// A calendar app cannot send a token: the secret in the link is the credential.
				.pathMatchers(HttpMethod.GET, API + "/calendar-feeds/*").permitAll()
				.pathMatchers(API + "/experts/me", API + "/experts/me/**").hasRole(Role.EXPERT.name())
				.pathMatchers(HttpMethod.GET, API + "/experts").hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name())
				.pathMatchers(HttpMethod.GET, API + "/experts/*")
				.hasAnyRole(Role.COORDINATOR.name(), Role.ADMIN.name(), Role.EXPERT.name())
				.pathMatchers(API + "/experts", API + "/experts/**").hasRole(Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.GET, API + "/requests/*/seats/*/candidates").hasRole(Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.GET, API + "/requests", API + "/requests/*")
				.hasAnyRole(Role.COUNTY_AGENCY.name(), Role.COORDINATOR.name(), Role.EXPERT.name())
				.pathMatchers(API + "/requests", API + "/requests/**")
				.hasAnyRole(Role.COUNTY_AGENCY.name(), Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.GET, API + "/counties/**", API + "/districts/**", API + "/parks/**",
						API + "/pairings/**", API + "/skills/**", API + "/skill-categories/**")
				.authenticated()
				.pathMatchers(HttpMethod.GET, API + "/assignments/me").hasRole(Role.EXPERT.name())
				.pathMatchers(HttpMethod.GET, API + "/assignments").hasAnyRole(Role.COORDINATOR.name(), Role.COUNTY_AGENCY.name())
				.pathMatchers(HttpMethod.GET, API + "/assignments/*")
				.hasAnyRole(Role.EXPERT.name(), Role.COORDINATOR.name(), Role.COUNTY_AGENCY.name())
				.pathMatchers(HttpMethod.POST, API + "/assignments/*/reassign").hasRole(Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.POST, API + "/assignments/*/cancel", API + "/assignments/*/feedback",
						API + "/assignments/*/no-show")
				.hasAnyRole(Role.COORDINATOR.name(), Role.COUNTY_AGENCY.name())
				.pathMatchers(HttpMethod.POST, API + "/assignments/*/accept", API + "/assignments/*/decline",
						API + "/assignments/*/check-in", API + "/assignments/*/complete")
				.hasRole(Role.EXPERT.name())
				.pathMatchers(API + "/plans", API + "/plans/**", API + "/admin/constraint-weights",
						API + "/admin/secondment-weights")
				.hasRole(Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.GET, API + "/secondments/me").hasRole(Role.EXPERT.name())
				.pathMatchers(HttpMethod.POST, API + "/secondments/placements/*/approve",
						API + "/secondments/placements/*/extension", API + "/secondments/placements/*/extension/approve")
				.hasRole(Role.HR_BUREAU.name())
				.pathMatchers(API + "/secondments", API + "/secondments/**")
				.hasAnyRole(Role.HR_BUREAU.name(), Role.COORDINATOR.name())
				.pathMatchers(HttpMethod.GET, API + "/reports/**")
				.hasAnyRole(Role.COORDINATOR.name(), Role.COUNTY_AGENCY.name())
				.pathMatchers(API + "/admin/users/**").hasRole(Role.ADMIN.name())
				.pathMatchers(API + "/me/**").authenticated()
				.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
				.anyExchange().authenticated())
			.oauth2ResourceServer(server -> server
				.jwt(jwt -> jwt.jwtAuthenticationConverter(accounts))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(forbidden))
			.build();
	}

	/**
	 * Requests that arrived on the separate management port, when {@code management.server.port} sets one: the
	 * connection's own local port, which no header can fake.
	 */
	private static ServerWebExchangeMatcher onManagementPort(Environment environment) {
		return exchange -> {
			Integer management = environment.getProperty("local.management.port", Integer.class);
			Integer api = environment.getProperty("local.server.port", Integer.class);
			InetSocketAddress local = exchange.getRequest().getLocalAddress();
			return management != null && !management.equals(api) && local != null && local.getPort() == management
					? MatchResult.match() : MatchResult.notMatch();
		};
	}

	@Bean
	WebFluxConfigurer callerArgument() {
		return new WebFluxConfigurer() {
			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new CallerArgumentResolver());
			}
		};
	}

}
