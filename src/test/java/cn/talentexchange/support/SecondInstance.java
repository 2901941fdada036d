package cn.talentexchange.support;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import cn.talentexchange.TalentExchangeApplication;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application instance on the first one's embedded database, as two instances behind a load
 * balancer share one MongoDB: it connects through {@code spring.mongodb.uri}, so it starts no server of its own.
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	public static ConfigurableApplicationContext start(ApplicationContext first, String database, List<Class<?>> extraSources,
			String... properties) {
		InetSocketAddress address = first.getBean(MongoServer.class).getLocalAddress();
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("spring.mongodb.uri=mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
		all.add("server.port=0");
		List<Class<?>> sources = new ArrayList<>(extraSources);
		sources.add(0, TalentExchangeApplication.class);
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("test")
			.properties(all.toArray(String[]::new))
			.run();
	}

}
