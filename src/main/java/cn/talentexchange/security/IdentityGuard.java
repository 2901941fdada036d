package cn.talentexchange.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a deployment that would run open: a real MongoDB with neither Firebase Authentication nor an
 * explicit choice of the local issuer would sign its own tokens with nobody able to get one but by the dev
 * endpoint, so a forgotten setting must stop the start, not hand out administrator tokens.
 */
@Component
class IdentityGuard implements InitializingBean {

	private final Environment environment;

	private final SecuritySettings settings;

	IdentityGuard(Environment environment, SecuritySettings settings) {
		this.environment = environment;
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		boolean realDatabase = !environment.getProperty("spring.mongodb.uri", "").isBlank();
		boolean localIssuerChosen = "true".equals(environment.getProperty("talent.security.dev-tokens"));
		if (realDatabase && !settings.usesFirebase() && !localIssuerChosen) {
			throw new IllegalStateException("spring.mongodb.uri points at a real database but no identity provider is "
					+ "configured: set talent.security.firebase-project-id (production), or talent.security.dev-tokens=true "
					+ "for a test deployment that hands out tokens to anyone who asks");
		}
	}

}
