package cn.talentexchange.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the seed JSON files are
 * @param enabled whether a fresh database is seeded at all
 */
@ConfigurationProperties("talent.seeds")
public record SeedSettings(@DefaultValue("seeds") String directory, @DefaultValue("true") boolean enabled) {
}
