package cn.talentexchange.database;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	/**
	 * Calendar dates are stored as ISO strings: the driver's default turns them into instants at midnight
	 * in the JVM's zone, which shifts them when two machines disagree on the zone.
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(List.of(LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE));
	}

	/** The driver's timeouts as {@link DriverSettings} says, for the embedded server and a real one alike. */
	@Bean
	MongoClientSettingsBuilderCustomizer driverTimeouts(DriverSettings settings) {
		return builder -> builder
			.applyToSocketSettings(socket -> socket.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
			.applyToServerSettings(server -> server.heartbeatFrequency(settings.heartbeatFrequency().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(settings.serverSelectionTimeout().toMillis(),
					TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings(pool -> pool.maxWaitTime(settings.poolMaxWait().toMillis(), TimeUnit.MILLISECONDS)
				.maxSize(settings.poolMaxSize()));
	}

	/** Boot's indicator sends {@code hello}, which the embedded server does not answer; {@code ping} works on both. */
	@Bean
	ReactiveHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
		return new AbstractReactiveHealthIndicator("MongoDB ping failed") {
			@Override
			protected Mono<Health> doHealthCheck(Health.Builder builder) {
				return mongo.executeCommand(new Document("ping", 1))
					.map(answer -> builder.up().build());
			}
		};
	}

	@WritingConverter
	enum LocalDateToString implements Converter<LocalDate, String> {

		INSTANCE;

		@Override
		public String convert(LocalDate source) {
			return source.toString();
		}

	}

	@ReadingConverter
	enum StringToLocalDate implements Converter<String, LocalDate> {

		INSTANCE;

		@Override
		public LocalDate convert(String source) {
			return LocalDate.parse(source);
		}

	}

}
