package cn.talentexchange.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.talentexchange.notification.FakeFcm;

/**
 * What the fake FCM endpoint can take with no application in between: plain concurrent POSTs of FCM v1
 * documents through {@link HttpURLConnection}, the client stack under the SDK's {@code NetHttpTransport}, from
 * as many threads as the SDK sends with.
 */
final class RawFcmCapacity {

	private RawFcmCapacity() {
	}

	/** One measured run: how many posts, how long, and how many were not answered 200. */
	record Result(int posts, double seconds, long non200, String cpu) {

		double perSecond() {
			return posts / seconds;
		}

	}

	static Result measure(FakeFcm fcm, String runId, int posts, int threads) throws Exception {
		URL url = new URL("http", "127.0.0.1", fcm.port(), "/v1/projects/" + FakeFcm.PROJECT + "/messages:send");
		// Bodies are made beforehand: the clock should see HTTP and the fake only.
		List<byte[]> bodies = new ArrayList<>(posts);
		for (int i = 0; i < posts; i++) {
			bodies.add(body(runId + "-" + i, NotificationBenchmark.token(i % NotificationBenchmark.EXPERTS)));
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger thread = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(threads,
				task -> new Thread(task, "raw-client-" + thread.incrementAndGet()));
		try {
			ThreadCpu cpu = ThreadCpu.start();
			long start = System.nanoTime();
			List<Future<Long>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(clients.submit(() -> {
					long non200 = 0;
					for (int i = next.getAndIncrement(); i < posts; i = next.getAndIncrement()) {
						if (post(url, bodies.get(i)) != 200) {
							non200++;
						}
					}
					return non200;
				}));
			}
			long non200 = 0;
			for (Future<Long> worker : workers) {
				non200 += worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			// Before the pool shuts down: ended threads take their CPU time with them.
			return new Result(posts, seconds, non200, cpu.summary(5));
		}
		finally {
			clients.shutdownNow();
		}
	}

	private static int post(URL url, byte[] body) {
		try {
			HttpURLConnection connection = (HttpURLConnection) url.openConnection();
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setFixedLengthStreamingMode(body.length);
			// The headers the Admin SDK sends besides its user agent.
			connection.setRequestProperty("Authorization", "Bearer fake-access-token");
			connection.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
			connection.setRequestProperty("X-GOOG-API-FORMAT-VERSION", "2");
			connection.setRequestProperty("X-Firebase-Client", "fire-admin-java/9.11.0");
			connection.setRequestProperty("Accept-Encoding", "gzip");
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			int status = connection.getResponseCode();
			// Reading the reply to its end hands the connection back to the keep-alive cache.
			try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
				if (in != null) {
					in.readAllBytes();
				}
			}
			return status;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The document {@code FirebasePushGateway} has the SDK send for a REMINDER, field for field. */
	static byte[] body(String notificationId, String token) {
		String subject = "bench-subject-" + notificationId;
		String json = """
				{"message":{"token":"%s",\
				"notification":{"title":"%s","body":"%s"},\
				"data":{"notificationId":"%s","kind":"REMINDER","subjectId":"%s","requestId":"%s"},\
				"android":{"collapse_key":"%s","priority":"normal","ttl":"863999.998000000s","notification":{"tag":"%s"}},\
				"apns":{"headers":{"apns-priority":"5","apns-collapse-id":"%s","apns-expiration":"%d"},\
				"payload":{"aps":{"thread-id":"%s"}}}}}"""
			.formatted(token, NotificationBenchmark.TITLE, NotificationBenchmark.BODY, notificationId, subject,
					NotificationBenchmark.REQUEST_ID, subject, subject, subject, 1_800_000_000L, subject);
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
