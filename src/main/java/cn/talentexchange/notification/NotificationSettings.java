package cn.talentexchange.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param credentialsFile a Firebase service-account file; without it (and without
 *     {@code GOOGLE_APPLICATION_CREDENTIALS}) the log stands in for push and the inbox carries everything
 * @param projectId the Firebase project, when the credentials do not name it
 * @param every how often due pushes are sent, besides right after a relay
 * @param relaySweep how often the relay looks for waiting notices on its own, besides once soon after start:
 *        every change that writes some nudges it at once, so the sweep only catches what a crashed instance left;
 *        each sweep reads the collections with an outbox through, which on the embedded server holds them for a
 *        moment and delays the reads waiting on them
 * @param batchSize how many notifications one dispatcher round claims
 * @param workers how many rounds run at once; FCM throughput comes from concurrency
 * @param claimFor how long a claimed notification is held; a crashed holder's claim lapses after it
 * @param firstRetry the wait after the first failure, doubled on each next one
 * @param longestRetry the longest wait between two attempts
 * @param staleDeviceAfter a device not seen for this long receives nothing
 * @param backlogEvery how often the metrics count what waits (the oldest pending push, each outbox's backlog);
 *        each count reads the notifications and the outbox collections through on the embedded server, holding
 *        each for a moment, so it is not done often
 */
@ConfigurationProperties("talent.notifications")
public record NotificationSettings(String credentialsFile, String projectId, @DefaultValue("1s") Duration every,
		@DefaultValue("15s") Duration relaySweep,
		@DefaultValue("500") int batchSize, @DefaultValue("4") int workers, @DefaultValue("2m") Duration claimFor,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration longestRetry,
		@DefaultValue("270d") Duration staleDeviceAfter, @DefaultValue("5m") Duration backlogEvery) {
}
