package cn.talentexchange.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issues tokens for seed and API-created accounts in the embedded default; there is no password. */
@RestController
@ConditionalOnExpression(LocalTokenController.ENABLED)
class LocalTokenController {

	/**
	 * Never with Firebase; otherwise only when asked for, by {@code talent.security.dev-tokens=true}, or by default
	 * on the embedded database alone, so a deployment on a real MongoDB never hands out tokens for the asking.
	 */
	static final String ENABLED = "'${talent.security.firebase-project-id:}'.isEmpty() and ('${talent.security.dev-tokens:}'"
			+ " == 'true' or ('${talent.security.dev-tokens:}'.isEmpty() and '${spring.mongodb.uri:}'.isEmpty()))";

	private final List<AccountDirectory> directories;

	private final JwtEncoder encoder;

	private final SecuritySettings settings;

	private final Clock clock;

	LocalTokenController(List<AccountDirectory> directories, JwtEncoder encoder, SecuritySettings settings, Clock clock) {
		this.directories = directories;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	@PostMapping("/api/v1/dev/tokens")
	Mono<TokenResponse> issue(@Valid @RequestBody TokenRequest request) {
		return Flux.fromIterable(directories)
			.concatMap(directory -> directory.findActive(request.username()))
			.next()
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND,
					"No active account named '" + request.username() + "'")))
			.map(this::sign);
	}

	private TokenResponse sign(Account account) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(LocalTokenConfiguration.ISSUER)
			.audience(List.of(LocalTokenConfiguration.AUDIENCE))
			.subject(account.username())
			.issuedAt(now)
			.expiresAt(now.plus(settings.localTokenTtl()))
			.claim(Caller.ROLES_CLAIM, account.roles().stream().map(Role::name).sorted().toList())
			.claim(Caller.LOCALE_CLAIM, account.locale() == null ? "zh-CN" : account.locale());
		if (account.countyId() != null) {
			claims.claim(Caller.COUNTY_CLAIM, account.countyId());
		}
		if (!account.organisationIds().isEmpty()) {
			claims.claim(Caller.ORGANISATIONS_CLAIM, account.organisationIds().stream().sorted().toList());
		}
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
		String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new TokenResponse(token, "Bearer", settings.localTokenTtl().toSeconds());
	}

	record TokenRequest(@NotBlank @Size(max = 128) String username) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

}
