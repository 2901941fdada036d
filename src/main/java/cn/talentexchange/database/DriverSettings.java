package cn.talentexchange.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MongoDB driver's timeouts, set on purpose rather than left to its defaults.
 *
 * @param connectTimeout opening a connection, and also how long the driver's monitor waits for a heartbeat answer:
 *        a monitor that gives up marks the server unknown and clears the pool, failing every operation in flight,
 *        so it is longer than any single operation may take (30 s; the driver's own default is 10 s)
 * @param heartbeatFrequency how often the monitor checks the server (10 s)
 * @param serverSelectionTimeout how long an operation waits for a usable server before failing (30 s)
 * @param poolMaxWait how long an operation waits for a free pooled connection before failing (30 s)
 * @param poolMaxSize connections per server (100, the driver's default, written down)
 */
@ConfigurationProperties("talent.database.driver")
public record DriverSettings(@DefaultValue("30s") Duration connectTimeout, @DefaultValue("10s") Duration heartbeatFrequency,
		@DefaultValue("30s") Duration serverSelectionTimeout, @DefaultValue("30s") Duration poolMaxWait,
		@DefaultValue("100") int poolMaxSize) {
}
