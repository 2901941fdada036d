package cn.talentexchange.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firebaseProjectId when set, tokens are Firebase Authentication ID tokens of this project and the
 *     local token endpoint does not exist
 * @param localKeyFile where the local signing key is kept so tokens outlive a restart; blank keeps it in memory
 * @param localTokenTtl how long a locally issued token is valid
 */
@ConfigurationProperties("talent.security")
public record SecuritySettings(String firebaseProjectId, @DefaultValue("data/local-signing-key.json") String localKeyFile,
		@DefaultValue("12h") Duration localTokenTtl) {

	public boolean usesFirebase() {
		return firebaseProjectId != null && !firebaseProjectId.isBlank();
	}

}
