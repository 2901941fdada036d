package cn.talentexchange.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import cn.talentexchange.database.PrivateFiles;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The embedded default's identity: the application signs its own tokens with an RSA key kept beside
 * the data, and {@link LocalTokenController} hands them out for known accounts. Absent in production.
 */
@Configuration(proxyBeanMethods = false)
@LocalIdentity
class LocalTokenConfiguration {

	static final String ISSUER = "talent-exchange-local";

	static final String AUDIENCE = "talent-exchange-api";

	@Bean
	RSAKey localSigningKey(SecuritySettings settings) {
		if (settings.localKeyFile() == null || settings.localKeyFile().isBlank()) {
			return generate();
		}
		Path file = Path.of(settings.localKeyFile());
		try {
			if (Files.exists(file) && Files.size(file) > 0) {
				PrivateFiles.prepare(file);
				return RSAKey.parse(Files.readString(file));
			}
			RSAKey key = generate();
			Files.writeString(PrivateFiles.prepare(file), key.toJSONString());
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the local signing key in " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The local signing key in " + file + " is damaged; delete it to make a new one", ex);
		}
	}

	@Bean
	ReactiveJwtDecoder localJwtDecoder(RSAKey localSigningKey) throws JOSEException {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(localSigningKey.toRSAPublicKey()).build();
		decoder.setJwtValidator(TokenRules.validator(ISSUER, AUDIENCE));
		return decoder;
	}

	@Bean
	JwtEncoder localJwtEncoder(RSAKey localSigningKey) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(localSigningKey)));
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate the local signing key", ex);
		}
	}

}
