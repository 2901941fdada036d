package cn.talentexchange.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.talentexchange.report.HistoryGenerator;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * How long each cadence report of 2025 takes over HTTP after two generated city-scale years (2024 and 2025),
 * on the embedded database with its default, file-backed H2 store. Prints a Markdown table for
 * docs/benchmarks.md.
 */
public final class ReportBenchmark {

	private static final int ROUNDS = 5;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int assignments = Integer.getInteger("benchmark.reports.assignments", 20_000);
		int experts = Integer.getInteger("benchmark.reports.experts", 1_500);
		Path store = Files.createTempDirectory("report-benchmark").resolve("talent.mv");
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(store)) {
			HistoryGenerator generator = new HistoryGenerator(context.getBean(ReactiveMongoTemplate.class), 2025L);
			for (int year : new int[] { 2024, 2025 }) {
				long generating = System.nanoTime();
				HistoryGenerator.History history = generator.generate(year, assignments, year == 2024 ? experts : 0).block();
				System.out.printf(Locale.ROOT, "Generated %,d requests and %,d assignments for %d, %,d extra experts, in %.1f s%n",
						history.requests(), history.assignments(), year, history.experts(),
						(System.nanoTime() - generating) / 1e9);
			}
			System.out.printf(Locale.ROOT, "Store: %s (%,d bytes)%n%n", store, Files.size(store));
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClient http = HttpClient.newHttpClient();
			String token = token(http, port);
			System.out.println("| report | bytes | first call | median of " + ROUNDS + " | slowest |");
			System.out.println("|---|---:|---:|---:|---:|");
			for (String report : List.of("annual?year=2025", "dispatch?from=2025-06-07", "monthly?month=2025-06", "quarterly?quarter=2025-Q2", "monthly?month=2025-06&format=csv", "annual?year=2025&format=csv")) {
				measure(http, port, token, report);
			}
		}
	}

	private static void measure(HttpClient http, int port, String token, String report) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/reports/" + report))
			.header("Authorization", "Bearer " + token)
			.build();
		List<Double> millis = new ArrayList<>();
		int bytes = 0;
		for (int round = 0; round <= ROUNDS; round++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			millis.add((System.nanoTime() - start) / 1e6);
			if (response.statusCode() != 200) {
				throw new IllegalStateException(report + " answered " + response.statusCode());
			}
			bytes = response.body().length;
		}
		List<Double> warm = millis.subList(1, millis.size()).stream().sorted().toList();
		System.out.printf(Locale.ROOT, "| `%s` | %,d | %.0f ms | %.0f ms | %.0f ms |%n", report, bytes, millis.get(0),
				warm.get(warm.size() / 2), warm.get(warm.size() - 1));
	}

	static String token(HttpClient http, int port) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dev/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"coordinator\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String body = answer.body();
		int start = body.indexOf("\"accessToken\":\"") + "\"accessToken\":\"".length();
		return body.substring(start, body.indexOf('"', start));
	}

}
