package cn.talentexchange.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.talentexchange.notification.Notification;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.report.HistoryGenerator;
import org.bson.Document;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;

/**
 * The phone's and the county's hot reads under load, with wrk, first on the seed data and then on a generated
 * city history (three years of requests and assignments, 2,000 experts, 100,000 inbox entries) written straight
 * into the store and picked up by a restart, as an import would be. Each endpoint runs flat out (2 threads,
 * 32 connections) side by side with the liveness route, then paced near 300 requests a second for its
 * latency. Prints Markdown for docs/benchmarks.md.
 */
public final class ReadBenchmark {

	private static final int YEARS = 3;

	private static final int ASSIGNMENTS_PER_YEAR = Integer.getInteger("benchmark.reads.assignments", 5_000);

	private static final int EXTRA_EXPERTS = Integer.getInteger("benchmark.reads.experts", 1_800);

	private static final int INBOX_ENTRIES = Integer.getInteger("benchmark.reads.notifications", 100_000);

	private static final String SECONDS = System.getProperty("benchmark.reads.seconds", "10");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)");

	private ReadBenchmark() {
	}

	/** What one endpoint did: flat out, and paced. */
	record Figures(double perSecond, double pacedPerSecond, double pacedP50, double pacedP99) {
	}

	public static void main(String[] args) throws Exception {
		System.out.printf(Locale.ROOT, "Read benchmark: %d processors, max heap %d MiB, %s %s, load average %s%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				Files.readString(Path.of("/proc/loadavg")).trim());
		Path seedStore = Files.createTempDirectory("read-benchmark-seeds").resolve("talent.mv");
		Map<String, Figures> seeds;
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(seedStore)) {
			HistoryGenerator generator = new HistoryGenerator(context.getBean(ReactiveMongoTemplate.class), 7L);
			// A handful of visits, so that every read has something to show.
			generator.generate(2026, 100, 0).block();
			inbox(context.getBean(ReactiveMongoTemplate.class), 400);
		}
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(seedStore)) {
			seeds = measure(context, "seed data");
		}

		Path cityStore = Files.createTempDirectory("read-benchmark-city").resolve("talent.mv");
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(cityStore)) {
			ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
			HistoryGenerator generator = new HistoryGenerator(mongo, 2024L);
			long start = System.nanoTime();
			for (int year = 2024; year < 2024 + YEARS; year++) {
				generator.generate(year, ASSIGNMENTS_PER_YEAR, year == 2024 ? EXTRA_EXPERTS : 0).block();
			}
			inbox(mongo, INBOX_ENTRIES);
			System.out.printf(Locale.ROOT, "City history written in %.1f s: %,d assignments, %,d requests, %,d experts, %,d inbox entries%n",
					(System.nanoTime() - start) / 1e9, count(mongo, "assignments"), count(mongo, "requests"),
					count(mongo, "experts"), count(mongo, "notifications"));
		}
		Map<String, Figures> city;
		long restart = System.nanoTime();
		try (ConfigurableApplicationContext context = EmbeddedApplication.start(cityStore)) {
			System.out.printf(Locale.ROOT, "Restarted on the city store (id lists filled in) in %.1f s; store %,d bytes%n",
					(System.nanoTime() - restart) / 1e9, Files.size(cityStore));
			city = measure(context, "city history");
		}

		System.out.println();
		System.out.println("| Endpoint | Seed: req/s | City: req/s | City: of liveness | City p50 / p99 at ~300 req/s | Seed p50 | City p50 / seed p50 |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		Figures liveness = city.get("liveness");
		for (String endpoint : city.keySet()) {
			Figures atSeed = seeds.get(endpoint);
			Figures atCity = city.get(endpoint);
			System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.0f %% | %.1f / %.1f ms (%.0f req/s) | %.1f ms | %.2f |%n",
					endpoint, atSeed.perSecond(), atCity.perSecond(), 100 * atCity.perSecond() / liveness.perSecond(),
					atCity.pacedP50(), atCity.pacedP99(), atCity.pacedPerSecond(), atSeed.pacedP50(),
					atCity.pacedP50() / atSeed.pacedP50());
		}
	}

	/** Inbox entries, finished long ago, for the experts and the county agencies in turn, over three years. */
	private static void inbox(ReactiveMongoTemplate mongo, int count) {
		List<String> people = new ArrayList<>();
		mongo.find(new Query(), Document.class, "experts").map(expert -> expert.getString("username")).collectList().block()
			.forEach(people::add);
		people.addAll(List.of("agency-faku", "agency-xinmin", "agency-liaozhong", "agency-kangping", "coordinator"));
		Instant start = Instant.parse("2024-01-01T00:00:00Z");
		long span = Duration.ofDays(3 * 365).toSeconds();
		Flux.range(0, count)
			.map(index -> {
				Instant at = start.plusSeconds(span * index / count);
				String recipient = people.get(index % people.size());
				return new Notification("history-" + index + ":" + recipient, "history-" + index, recipient,
						NotificationKind.REMINDER, "周末服务提醒", "请提前安排行程。", "gen-subject-" + index, null,
						at.plus(Duration.ofDays(10)), at, index % 10 == 0 ? null : at.plusSeconds(3600),
						new Notification.Delivery(Notification.DeliveryState.SENT, 1, at, null, Instant.EPOCH, List.of(), 1, "fcm",
								null, at));
			})
			.buffer(5_000)
			.concatMap(batch -> mongo.insert(batch, Notification.class).then())
			.blockLast();
	}

	private static long count(ReactiveMongoTemplate mongo, String collection) {
		return mongo.count(new Query(), collection).block();
	}

	private static Map<String, Figures> measure(ConfigurableApplicationContext context, String label)
			throws IOException, InterruptedException {
		ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String base = "http://127.0.0.1:" + port;
		HttpClient http = HttpClient.newHttpClient();
		String expert = token(http, base, "expert-0001");
		String agency = token(http, base, "agency-faku");
		// A county request of the history with its seats offered: the county's roster of one request.
		Document request = mongo.findOne(Query.query(Criteria.where("countyId").is("faku").and("status").is("COMPLETED")),
				Document.class, "requests").block();
		String requestId = request == null ? "req-faku-001" : String.valueOf(request.get("_id"));
		Map<String, String[]> endpoints = new LinkedHashMap<>();
		endpoints.put("liveness", new String[] { base + "/actuator/health/liveness", null });
		endpoints.put("`GET /assignments/me` (expert)", new String[] { base + "/api/v1/assignments/me", expert });
		endpoints.put("`GET /me/inbox` (expert)", new String[] { base + "/api/v1/me/inbox", expert });
		endpoints.put("`GET /requests` (expert)", new String[] { base + "/api/v1/requests", expert });
		endpoints.put("`GET /assignments?requestId=` (agency)",
				new String[] { base + "/api/v1/assignments?requestId=" + requestId, agency });
		System.out.printf(Locale.ROOT, "%n== %s ==%n", label);
		Map<String, Figures> figures = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> endpoint : endpoints.entrySet()) {
			String url = endpoint.getValue()[0];
			String token = endpoint.getValue()[1];
			check(http, url, token);
			// The first seconds pay for the JIT; on the seed data this is the first load the process sees.
			wrk(url, token, 32, null, "8s");
			String flat = wrk(url, token, 32, null, SECONDS + "s");
			String paced = wrk(url, token, 16, 50, SECONDS + "s");
			Figures result = new Figures(rate(flat), rate(paced), percentile(paced, "50"), percentile(paced, "99"));
			System.out.printf(Locale.ROOT, "%s: %,.0f req/s flat out; paced %,.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
					endpoint.getKey(), result.perSecond(), result.pacedPerSecond(), result.pacedP50(), result.pacedP99());
			figures.put(endpoint.getKey(), result);
		}
		return figures;
	}

	private static void check(HttpClient http, String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	/**
	 * Runs wrk: flat out, or paced with {@code delayMillis} between a connection's requests (wrk's {@code delay()}
	 * hook), which with 16 connections and 50 ms comes near 300 requests a second.
	 */
	private static String wrk(String url, String token, int connections, Integer delayMillis, String duration)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration, "--latency"));
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		if (delayMillis != null) {
			Path script = Files.createTempFile("paced", ".lua");
			Files.writeString(script, "function delay() return " + delayMillis + " end\n");
			command.addAll(List.of("-s", script.toString()));
		}
		command.add(url);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0 || output.contains("Non-2xx")) {
			throw new IllegalStateException("wrk on " + url + " failed:\n" + output);
		}
		return output;
	}

	private static double rate(String output) {
		Matcher matcher = RATE.matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("No rate in:\n" + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

	/** A latency percentile from wrk's distribution, in milliseconds. */
	private static double percentile(String output, String which) {
		Matcher matcher = PERCENTILE.matcher(output);
		while (matcher.find()) {
			if (matcher.group(1).equals(which)) {
				double value = Double.parseDouble(matcher.group(2));
				return switch (matcher.group(3)) {
					case "us" -> value / 1000;
					case "s" -> value * 1000;
					default -> value;
				};
			}
		}
		throw new IllegalStateException("No " + which + "th percentile in:\n" + output);
	}

	private static String token(HttpClient http, String base, String username) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dev/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String body = answer.body();
		int start = body.indexOf("\"accessToken\":\"") + "\"accessToken\":\"".length();
		return body.substring(start, body.indexOf('"', start));
	}

}
