package cn.talentexchange.support;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.talentexchange.TalentExchangeApplication;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application in a JVM of its own on the H2 file backend in {@code data}, so a test can kill it with
 * SIGKILL and start it again on the same file.
 */
public final class ChildApplication {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path data;

	private final int port;

	private final List<String> arguments;

	private Process process;

	public ChildApplication(Path data, String... arguments) throws IOException {
		this.data = data;
		this.port = freePort();
		this.arguments = List.of(arguments);
	}

	/** Starts the application and waits until it is healthy. */
	public ChildApplication start() throws IOException, InterruptedException {
		Path log = data.resolve("app-" + Instant.now().toEpochMilli() + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), TalentExchangeApplication.class.getName(),
				"--server.port=" + port, "--talent.embedded-mongo.file=" + data.resolve("db.mv"),
				"--talent.security.local-key-file=" + data.resolve("key.json"),
				"--talent.seeds.directory=" + Path.of("seeds").toAbsolutePath()));
		command.addAll(arguments);
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Instant deadline = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("The application exited:\n" + Files.readString(log));
			}
			try {
				if (send("GET", "/actuator/health", null, null).statusCode() == 200) {
					return this;
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

	/** SIGKILL: no shutdown hook, no last write. */
	public void kill() throws InterruptedException {
		if (process != null) {
			process.destroyForcibly().waitFor();
		}
	}

	public String token(String username) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("POST", "/api/v1/dev/tokens", null, Map.of("username", username));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return (String) JSON.readValue(answer.body(), Map.class).get("accessToken");
	}

	public Map<?, ?> json(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("GET", path, token, null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readValue(answer.body(), Map.class);
	}

	public HttpResponse<String> send(String method, String path, String token, Object body)
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
