package cn.talentexchange.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param firebaseProjectId when set, tokens are Firebase Authentication ID tokens of this project and the
 *     local token endpoint does not exist
 * @param localKeyFile where the local signing key is kept so tokens outlive a restart; blank keeps it in memory
 * @param localTokenTtl how long a locally issued token is valid
 * @param firebaseKeysUri where Firebase's token signing keys are published
 */
@ConfigurationProperties("talent.security")
public record SecuritySettings(String firebaseProjectId, @DefaultValue("data/local-signing-key.json") String localKeyFile,
		@DefaultValue("12h") Duration localTokenTtl,
		@DefaultValue("https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com") String firebaseKeysUri) {

	public boolean usesFirebase() {
		return firebaseProjectId != null && !firebaseProjectId.isBlank();
	}

}
