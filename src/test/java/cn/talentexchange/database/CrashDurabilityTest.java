package cn.talentexchange.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.talentexchange.TalentExchangeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real application in its own JVM on the H2 file backend, kills it with SIGKILL right after an
 * acknowledged write, and starts it again on the same file.
 */
class CrashDurabilityTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path data;

	@Test
	void anAcknowledgedWriteSurvivesKillMinusNineAndARestartDoesNotReseed() throws Exception {
		int port = freePort();
		Process first = start(port);
		String expertId;
		long expertsAfterWrite;
		try {
			String token = token(port, "coordinator");
			HttpResponse<String> created = send(port, "POST", "/api/v1/experts", token, Map.of(
					"username", "durable-expert", "displayName", "Durable", "phone", "+86 199 0000 7777",
					"employer", "沈阳市规划设计研究院", "organisationId", "heping",
					"homeLocation", Map.of("lat", 41.79, "lon", 123.40),
					"skills", List.of(Map.of("skill", firstSkill(port, token), "level", 3)),
					"maxWeekendsPerMonth", 2, "maxTravelMinutes", 120, "contactConsent", true));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			expertId = (String) JSON.readValue(created.body(), Map.class).get("id");
			expertsAfterWrite = expertCount(port, token);
		}
		finally {
			first.destroyForcibly().waitFor();
		}

		Process second = start(port);
		try {
			String token = token(port, "coordinator");
			HttpResponse<String> read = send(port, "GET", "/api/v1/experts/" + expertId, token, null);
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
			assertThat(expertCount(port, token)).isEqualTo(expertsAfterWrite);
		}
		finally {
			second.destroyForcibly().waitFor();
		}
	}

	private Process start(int port) throws IOException, InterruptedException {
		Path log = data.resolve("app-" + Instant.now().toEpochMilli() + ".log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), TalentExchangeApplication.class.getName(),
				"--server.port=" + port, "--talent.embedded-mongo.file=" + data.resolve("db.mv"),
				"--talent.security.local-key-file=" + data.resolve("key.json"),
				"--talent.seeds.directory=" + Path.of("seeds").toAbsolutePath())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("The application exited:\n" + Files.readString(log));
			}
			try {
				if (send(port, "GET", "/actuator/health", null, null).statusCode() == 200) {
					return process;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new AssertionError("The application did not become healthy:\n" + Files.readString(log));
	}

	private static String token(int port, String username) throws Exception {
		HttpResponse<String> answer = send(port, "POST", "/api/v1/dev/tokens", null, Map.of("username", username));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return (String) JSON.readValue(answer.body(), Map.class).get("accessToken");
	}

	private static String firstSkill(int port, String token) throws Exception {
		Map<?, ?> page = JSON.readValue(send(port, "GET", "/api/v1/skills?size=1", token, null).body(), Map.class);
		return (String) ((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("id");
	}

	private static long expertCount(int port, String token) throws Exception {
		Map<?, ?> page = JSON.readValue(send(port, "GET", "/api/v1/experts?size=1", token, null).body(), Map.class);
		return ((Number) page.get("total")).longValue();
	}

	private static HttpResponse<String> send(int port, String method, String path, String token, Object body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
