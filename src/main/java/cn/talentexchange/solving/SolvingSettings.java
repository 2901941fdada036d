package cn.talentexchange.solving;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param configDirectory where the solver XML files are read from at run time
 * @param heartbeat how often an instance tells the database that the runs it holds are alive
 * @param lostAfter a run whose instance has not beaten for this long was left by a dead instance: any live
 *        instance ends it as FAILED and frees what it held
 * @param endMargin a solve that has not ended this long after its time limit is abandoned as FAILED
 */
@ConfigurationProperties("talent.solving")
public record SolvingSettings(@DefaultValue("solver-config") String configDirectory,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("60s") Duration lostAfter,
		@DefaultValue("10s") Duration endMargin) {
}
