package cn.talentexchange.database;

import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, EmbeddedMongoConfiguration.class)
		.withPropertyValues("talent.embedded-mongo.backend=memory");

	@Test
	void withoutAMongoUriTheEmbeddedServerStartsOnLoopback() {
		context.run(started -> {
			assertThat(started).hasSingleBean(MongoServer.class);
			assertThat(started.getBean(MongoConnectionDetails.class).getConnectionString().getHosts())
				.singleElement().asString().startsWith("127.0.0.1:");
		});
	}

	@Test
	void aConfiguredMongoUriTurnsTheEmbeddedServerOff() {
		context.withPropertyValues("spring.mongodb.uri=mongodb://db1.example.cn:27017/talent")
			.run(started -> {
				assertThat(started).doesNotHaveBean(MongoServer.class);
				assertThat(started).doesNotHaveBean(MongoConnectionDetails.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(EmbeddedMongoSettings.class)
	static class Settings {
	}

}
