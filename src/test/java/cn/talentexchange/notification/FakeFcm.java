package cn.talentexchange.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the FCM HTTP v1 endpoint. It records every message the Firebase Admin SDK sends and
 * answers each with what a rule says: success, or one of FCM's error documents. {@link #firebaseApp} gives a
 * real {@code FirebaseApp} whose HTTP transport reaches this server instead of Google.
 */
public final class FakeFcm implements AutoCloseable {

	public static final String PROJECT = "demo-project";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService threads;

	private final Queue<Received> received = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> attemptsByKey = new ConcurrentHashMap<>();

	private volatile Function<Received, Reply> rule = message -> Reply.ok();

	public FakeFcm(int threads) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		this.threads = Executors.newFixedThreadPool(threads);
		server.setExecutor(this.threads);
		server.createContext("/", this::handle);
		server.start();
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** Decides the answer to each message; the default accepts everything. */
	public void answer(Function<Received, Reply> rule) {
		this.rule = rule;
	}

	/** Every message received so far, including those answered with an error. */
	public List<Received> received() {
		return List.copyOf(received);
	}

	/** How many times the given (notification, device) pair has been posted. */
	public int attempts(String notificationId, String token) {
		AtomicInteger count = attemptsByKey.get(notificationId + "|" + token);
		return count == null ? 0 : count.get();
	}

	public void reset() {
		received.clear();
		attemptsByKey.clear();
		rule = message -> Reply.ok();
	}

	/** A Firebase app that sends to this server with a fixed access token. */
	public FirebaseApp firebaseApp() {
		NetHttpTransport transport = new NetHttpTransport.Builder()
			.setConnectionFactory(url -> (HttpURLConnection) new URL("http", "127.0.0.1", port(), url.getFile()).openConnection())
			.build();
		FirebaseOptions options = FirebaseOptions.builder()
			.setCredentials(GoogleCredentials.create(new AccessToken("fake-access-token",
					java.util.Date.from(Instant.now().plusSeconds(3600)))))
			.setProjectId(PROJECT)
			.setHttpTransport(transport)
			.build();
		return FirebaseApp.initializeApp(options, "fake-fcm-" + UUID.randomUUID());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/v1/projects/" + PROJECT + "/messages:send")) {
				reply(exchange, new Reply(404, Map.of(), "{}"));
				return;
			}
			JsonNode message = JSON.readTree(body).path("message");
			String token = message.path("token").asString();
			String notificationId = message.path("data").path("notificationId").asString();
			int attempt = attemptsByKey.computeIfAbsent(notificationId + "|" + token, key -> new AtomicInteger())
				.incrementAndGet();
			Received seen = new Received(notificationId, token, attempt, message,
					exchange.getRequestHeaders().getFirst("Authorization"));
			received.add(seen);
			reply(exchange, rule.apply(seen));
		}
	}

	private static void reply(HttpExchange exchange, Reply reply) throws IOException {
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		exchange.sendResponseHeaders(reply.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	/** One message as the server saw it; {@code attempt} counts posts of the same notification to the same device. */
	public record Received(String notificationId, String token, int attempt, JsonNode message, String authorization) {
	}

	/** An answer: a status, headers and FCM's JSON. */
	public record Reply(int status, Map<String, String> headers, String body) {

		public static Reply ok() {
			return new Reply(200, Map.of(), "{\"name\":\"projects/" + PROJECT + "/messages/"
					+ ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE) + "\"}");
		}

		public static Reply unregistered() {
			return error(404, "NOT_FOUND", "UNREGISTERED", Map.of());
		}

		public static Reply invalidToken() {
			return error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
					"The registration token is not a valid FCM registration token", Map.of());
		}

		/** FCM refusing the message itself, whatever the device. */
		public static Reply badMessage() {
			return error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "Invalid value at 'message.android.ttl'", Map.of());
		}

		public static Reply quotaExceeded(int retryAfterSeconds) {
			return error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
		}

		public static Reply unavailable() {
			return error(503, "UNAVAILABLE", "UNAVAILABLE", Map.of());
		}

		public static Reply internal() {
			return error(500, "INTERNAL", "INTERNAL", Map.of());
		}

		private static Reply error(int status, String grpcStatus, String fcmCode, Map<String, String> headers) {
			return error(status, grpcStatus, fcmCode, fcmCode, headers);
		}

		private static Reply error(int status, String grpcStatus, String fcmCode, String message, Map<String, String> headers) {
			return new Reply(status, headers, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message
					+ "\",\"status\":\"" + grpcStatus + "\",\"details\":[{\"@type\":"
					+ "\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"" + fcmCode + "\"}]}}");
		}

	}

}
