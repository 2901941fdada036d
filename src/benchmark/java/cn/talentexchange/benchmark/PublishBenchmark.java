package cn.talentexchange.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Plans a generated city window through the API on the embedded default (H2 file, every write forced), then
 * times publishing it: every filled position becomes an offer. Run with
 * {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark=publish}; results in docs/benchmarks.md.
 */
public final class PublishBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PublishBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int positions = Integer.getInteger("benchmark.publish.positions", 700);
		InstanceGenerator.Instance instance = InstanceGenerator.generate(
				new InstanceGenerator.Size("publish", 2_000, positions, 4, 30), 20270508L);
		Path store = Files.createTempDirectory("publish-benchmark").resolve("talent.mv");
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(store)) {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			mongo.insertAll(instance.experts()).then().block();
			mongo.insertAll(instance.requests()).then().block();
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String token = ReportBenchmark.token(http, port);

			Map<?, ?> started = send(http, port, token, "POST", "/api/v1/plans", Map.of("from",
					instance.window().from().toString(), "to", instance.window().to().toString()));
			String planId = (String) started.get("id");
			Map<?, ?> plan = started;
			Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
			while (!"SOLVED".equals(plan.get("status")) && Instant.now().isBefore(deadline)) {
				Thread.sleep(500);
				plan = send(http, port, token, "GET", "/api/v1/plans/" + planId, null);
			}
			Map<?, ?> counts = (Map<?, ?>) plan.get("counts");
			System.out.printf(Locale.ROOT, "Plan %s: %s, %s of %s positions filled%n%n", planId, plan.get("status"),
					counts.get("filled"), counts.get("seats"));
			System.out.println("| publish | offers created | offers existing | requests planned | left out | time |");
			System.out.println("|---|---:|---:|---:|---:|---:|");
			for (String round : new String[] { "first", "again (nothing new)" }) {
				long start = System.nanoTime();
				Map<?, ?> result = send(http, port, token, "POST", "/api/v1/plans/" + planId + "/publish", null);
				System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.0f ms |%n", round, result.get("offersCreated"),
						result.get("offersExisting"), result.get("requestsPlanned"), result.get("offersSkipped"),
						(System.nanoTime() - start) / 1e6);
			}
			// The whole process: the application, its embedded server and this program's generated instance.
			System.gc();
			System.out.printf(Locale.ROOT, "%nResident memory after the plan and its publish: %s now, %s at the peak; max heap %d MiB (%s)%n",
					status("VmRSS"), status("VmHWM"), Runtime.getRuntime().maxMemory() >> 20,
					String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
		}
	}

	private static String status(String field) throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status")).stream()
			.filter(line -> line.startsWith(field + ":"))
			.map(line -> line.substring(field.length() + 1).trim())
			.findFirst()
			.orElse("unknown");
	}

	private static Map<?, ?> send(HttpClient http, int port, String token, String method, String path, Object body)
			throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return JSON.readValue(answer.body(), Map.class);
	}

}
