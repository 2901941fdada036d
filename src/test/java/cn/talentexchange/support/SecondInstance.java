package cn.talentexchange.support;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import cn.talentexchange.TalentExchangeApplication;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A second application instance on the first one's embedded database, as two instances behind a load
 * balancer share one MongoDB: it connects through {@code spring.mongodb.uri}, so it starts no server of its own.
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/**
	 * Keeps the tests' own configurations out of the component scan, as a test context does: only the sources
	 * given are added (and Netty resources of its own, so closing it does not dispose the global ones).
	 */
	static final class SkipTestConfigurations extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
		}

	}

	public static ConfigurableApplicationContext start(ApplicationContext first, String database, List<Class<?>> extraSources,
			String... properties) {
		InetSocketAddress address = first.getBean(MongoServer.class).getLocalAddress();
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("spring.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		all.add("server.port=0");
		// A test deployment on a real-looking database must choose its issuer, or it refuses to start.
		all.add("talent.security.dev-tokens=true");
		List<Class<?>> sources = new ArrayList<>(extraSources);
		sources.add(0, TalentExchangeApplication.class);
		sources.add(QuickNettyShutdown.class);
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("test")
			.properties(all.toArray(String[]::new))
			.initializers(context -> context.getBeanFactory().registerSingleton("skipTestConfigurations",
					new SkipTestConfigurations()))
			.run();
	}

}
