package cn.talentexchange.support;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Event loops that stop without the two-second quiet period: the tests leave a dozen application contexts
 * cached, all closed one after the other when the JVM ends, and the quiet periods alone would outlast the
 * time Surefire gives the JVM to exit.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QuickNettyShutdown {

	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		return resources();
	}

	static ReactorResourceFactory resources() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		resources.setShutdownQuietPeriod(Duration.ZERO);
		resources.setShutdownTimeout(Duration.ofSeconds(2));
		return resources;
	}

}
