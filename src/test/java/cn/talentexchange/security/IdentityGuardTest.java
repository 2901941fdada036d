package cn.talentexchange.security;

import java.time.Duration;

import cn.talentexchange.TalentExchangeApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment on a real database with no identity provider must not start: it would run open. */
class IdentityGuardTest {

	private static final String REAL_DATABASE = "mongodb://db1.example.cn:27017,db2.example.cn:27017/talent?replicaSet=rs0";

	@Test
	void theApplicationRefusesToStartOnARealDatabaseWithoutAnIdentityProvider() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TalentExchangeApplication.class)
			.run("--spring.mongodb.uri=" + REAL_DATABASE, "--server.port=0", "--talent.security.local-key-file=",
					"--spring.main.banner-mode=off"))
			.hasStackTraceContaining("no identity provider is configured");
	}

	@Test
	void firebaseOrAnExplicitLocalIssuerLetsItStart() {
		assertThatCode(() -> guard(new MockEnvironment().withProperty("spring.mongodb.uri", REAL_DATABASE), "demo-project")
			.afterPropertiesSet()).doesNotThrowAnyException();
		assertThatCode(() -> guard(new MockEnvironment().withProperty("spring.mongodb.uri", REAL_DATABASE)
			.withProperty("talent.security.dev-tokens", "true"), null).afterPropertiesSet()).doesNotThrowAnyException();
		assertThatCode(() -> guard(new MockEnvironment(), null).afterPropertiesSet())
			.as("the embedded default needs neither").doesNotThrowAnyException();
	}

	private static IdentityGuard guard(MockEnvironment environment, String firebaseProject) {
		return new IdentityGuard(environment, new SecuritySettings(firebaseProject, "", Duration.ofHours(12),
				"https://keys.example.cn"));
	}

}
