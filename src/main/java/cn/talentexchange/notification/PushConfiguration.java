package cn.talentexchange.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** FCM when Firebase credentials are configured, the log otherwise. */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

	@Bean
	PushGateway pushGateway(ObjectProvider<FirebaseApp> firebase, Clock clock) {
		FirebaseApp app = firebase.getIfAvailable();
		return app == null ? new LogPushGateway() : new FirebasePushGateway(app, clock);
	}

	@Bean(destroyMethod = "delete")
	@ConditionalOnExpression("!'${talent.notifications.credentials-file:}'.isEmpty() or !'${GOOGLE_APPLICATION_CREDENTIALS:}'.isEmpty()")
	FirebaseApp firebaseApp(NotificationSettings settings) throws IOException {
		GoogleCredentials credentials;
		if (settings.credentialsFile() == null || settings.credentialsFile().isBlank()) {
			credentials = GoogleCredentials.getApplicationDefault();
		}
		else {
			try (InputStream file = Files.newInputStream(Path.of(settings.credentialsFile()))) {
				credentials = GoogleCredentials.fromStream(file);
			}
		}
		FirebaseOptions.Builder options = FirebaseOptions.builder().setCredentials(credentials);
		if (settings.projectId() != null && !settings.projectId().isBlank()) {
			options.setProjectId(settings.projectId());
		}
		// A name of its own: two application contexts in one JVM (tests) must not share the default app.
		return FirebaseApp.initializeApp(options.build(), "talent-exchange-" + UUID.randomUUID());
	}

}
