package cn.talentexchange.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: without {@code spring.mongodb.uri} the application serves MongoDB's wire
 * protocol in-process on a free loopback port and points the ordinary reactive driver at it, so the
 * code path is the same as against a real replica set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedMongoSettings settings) {
		MongoServer server = new MongoServer(backend(settings));
		server.bind("127.0.0.1", 0);
		log.info("Embedded MongoDB server ({} backend) listening on {}", settings.backend(), server.getLocalAddress());
		return server;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server, EmbeddedMongoSettings settings) {
		InetSocketAddress address = server.getLocalAddress();
		ConnectionString connectionString = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + settings.database());
		return () -> connectionString;
	}

	private static MongoBackend backend(EmbeddedMongoSettings settings) {
		if (settings.backend() == EmbeddedMongoSettings.Backend.MEMORY) {
			return new MemoryBackend();
		}
		Path file = Path.of(settings.file()).toAbsolutePath();
		try {
			PrivateFiles.prepare(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database file " + file, ex);
		}
		return DurableH2Backend.open(file.toString(), settings.forceWrites(), settings.pageCacheMegabytes());
	}

}
