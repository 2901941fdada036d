package cn.talentexchange.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.talentexchange.TalentExchangeApplication;
import cn.talentexchange.benchmark.DispatchPhases.Phase;
import cn.talentexchange.expert.Device;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.notification.FakeFcm;
import cn.talentexchange.notification.FakeFcm.Received;
import cn.talentexchange.notification.FakeFcm.Reply;
import cn.talentexchange.notification.Inboxes;
import cn.talentexchange.notification.Notification;
import cn.talentexchange.notification.Notification.DeliveryState;
import cn.talentexchange.notification.NotificationDispatcher;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.notification.PushGateway;
import com.google.firebase.FirebaseApp;
import org.bson.Document;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;

/**
 * The push dispatcher's benchmark (docs/benchmarks.md): queues notifications and measures how fast the real
 * application sends them through the Firebase Admin SDK to the local fake FCM endpoint, against what that
 * fake takes from plain concurrent HTTP posts in the same JVM; then sends them again while the fake answers
 * some posts with 503 and 429, and counts what was sent, retried, lost and duplicated.
 *
 * <p>Run: {@code ./mvnw -q -Pbenchmark test-compile exec:exec -Dbenchmark=notifications
 * [-Dbenchmark.notifications.count=50000] [-Dbenchmark.notifications.settings=4x500,1x500,16x100]}.
 */
public final class NotificationBenchmark {

	/** The seeds' experts: ex-0001..ex-0200, usernames expert-0001..expert-0200. */
	static final int EXPERTS = 200;

	/** The SDK sends on its default executor, a pool of 100 threads; the raw run uses as many. */
	static final int SDK_THREADS = 100;

	static final int FAKE_SERVER_THREADS = 64;

	static final String TITLE = "周末服务提醒";

	static final String BODY = "12月5日（星期六）法库县工业规划服务，请提前安排行程。";

	static final String REQUEST_ID = "req-faku-001";

	private static final int RAW_WARM_UP = 5_000;

	private static final int APP_WARM_UP = 2_000;

	private static final double UNAVAILABLE_SHARE = 0.10;

	private static final double QUOTA_SHARE = 0.02;

	private NotificationBenchmark() {
	}

	/** Dispatcher settings: {@code talent.notifications.workers} and {@code batch-size}. */
	record Setting(int workers, int batchSize) {

		static Setting parse(String text) {
			String[] parts = text.trim().split("x");
			return new Setting(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
		}

		@Override
		public String toString() {
			return workers + "x" + batchSize;
		}

	}

	/** How the notifications of a run ended, read back from the collection. */
	record Tally(long sent, long notSent, long attempts, long retriedByDispatcher) {
	}

	/** A run through the application: wall time, outcomes, the fake's books, where the time went. */
	record AppRun(Setting setting, int notifications, double seconds, int passes, Tally tally, long posts,
			long sdkRetries, long replies503, long replies429, long duplicated, List<DispatchPhases.Figures> phases,
			long emptyClaims, String cpu) {

		double perSecond() {
			return notifications / seconds;
		}

		/** Rounds in flight on average: the phases' busy time over the wall time. */
		double roundsInFlight() {
			return phases.stream().mapToDouble(DispatchPhases.Figures::seconds).sum() / seconds;
		}

	}

	public static void main(String[] args) throws Exception {
		int count = Integer.getInteger("benchmark.notifications.count", 50_000);
		List<Setting> settings = Arrays.stream(System.getProperty("benchmark.notifications.settings", "4x500")
			.split(",")).filter(text -> !text.isBlank()).map(Setting::parse).toList();
		// HttpURLConnection keeps only 5 idle connections per host by default: with 100 sending threads the
		// rest would open a new connection per message. Read once, at the first connection, for the whole JVM.
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", Integer.toString(SDK_THREADS));
		}
		// The JDK's HttpServer writes a reply's headers and body separately without TCP_NODELAY, so with Nagle
		// each reply waits for the client's delayed ACK (40 ms), which caps the fake far below what it can do.
		// The real FCM has no such stall. -Dsun.net.httpserver.nodelay=false in benchmark.jvmArgs shows it.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}

		System.out.printf(Locale.ROOT, "Push dispatcher benchmark: %,d notifications, %d processors (%s), max heap %d MiB, %s %s%n",
				count, Runtime.getRuntime().availableProcessors(), cpuModel(), Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
		System.out.printf(Locale.ROOT, "http.maxConnections=%s, fake FCM with %d server threads and sun.net.httpserver.nodelay=%s, load average %s%n",
				System.getProperty("http.maxConnections"), FAKE_SERVER_THREADS, System.getProperty("sun.net.httpserver.nodelay"),
				loadAverage());

		try (FakeFcm fcm = new FakeFcm(FAKE_SERVER_THREADS)) {
			RawFcmCapacity.measure(fcm, "raw-warm-up", RAW_WARM_UP, SDK_THREADS);
			fcm.reset();
			FcmReplyLedger rawLedger = new FcmReplyLedger(received -> Reply.ok());
			fcm.answer(rawLedger);
			RawFcmCapacity.Result raw = RawFcmCapacity.measure(fcm, "raw", count, SDK_THREADS);
			System.out.printf(Locale.ROOT, "%nRaw capacity: %,d posts from %d threads in %.2f s = %,.0f/s (%d not 200, %d duplicated)%n  CPU: %s%n",
					raw.posts(), SDK_THREADS, raw.seconds(), raw.perSecond(), raw.non200(), rawLedger.duplicated(), raw.cpu());

			List<AppRun> runs = new ArrayList<>();
			for (Setting setting : settings) {
				runs.add(run(fcm, setting, count, "ok-" + setting, received -> Reply.ok()));
				print(runs.get(runs.size() - 1), raw);
			}
			// The faults: 10 % 503 (the SDK retries those itself), 2 % 429 with Retry-After: 1 (left to the dispatcher).
			AppRun faults = run(fcm, settings.get(0), count, "faults", NotificationBenchmark::sometimesFailing,
					"--talent.notifications.first-retry=1s");
			print(faults, raw);

			summary(raw, runs, faults);
		}
		System.out.printf(Locale.ROOT, "%nLoad average at the end: %s%n", loadAverage());
	}

	private static Reply sometimesFailing(Received received) {
		double draw = ThreadLocalRandom.current().nextDouble();
		return draw < UNAVAILABLE_SHARE ? Reply.unavailable()
				: draw < UNAVAILABLE_SHARE + QUOTA_SHARE ? Reply.quotaExceeded(1) : Reply.ok();
	}

	/** Starts the application, warms it up, queues the notifications and dispatches until each is final. */
	private static AppRun run(FakeFcm fcm, Setting setting, int count, String runId, Function<Received, Reply> rule,
			String... extraProperties) throws InterruptedException {
		System.out.printf(Locale.ROOT, "%n=== %s: %d workers, batch size %d%s ===%n", runId, setting.workers(),
				setting.batchSize(), extraProperties.length == 0 ? "" : ", " + String.join(" ", extraProperties));
		long startup = System.nanoTime();
		try (Application app = Application.start(fcm, setting, extraProperties)) {
			app.giveEveryExpertADevice();
			System.out.printf(Locale.ROOT, "Application started and devices registered in %.1f s%n", (System.nanoTime() - startup) / 1e9);

			// The first messages pay for class loading and the JIT; they are not measured.
			fcm.reset();
			app.queue(runId + "-warm-up", APP_WARM_UP);
			app.drain(Duration.ofMinutes(2));
			app.forgetNotifications();

			fcm.reset();
			FcmReplyLedger ledger = new FcmReplyLedger(rule);
			fcm.answer(ledger);
			app.queue(runId, count);
			app.phases().reset();
			ThreadCpu cpu = ThreadCpu.start();
			Drain drain = app.drain(Duration.ofMinutes(60));
			String cpuSummary = cpu.summary(6);
			Tally tally = app.tally();
			// A dispatcher attempt posts each message once; every further post of it is the SDK retrying a 503.
			return new AppRun(setting, count, drain.seconds(), drain.passes(), tally, ledger.posts(),
					ledger.posts() - tally.attempts(), ledger.replies(503), ledger.replies(429), ledger.duplicated(),
					app.phases().figures(), app.phases().emptyClaims(), cpuSummary);
		}
	}

	private static void print(AppRun run, RawFcmCapacity.Result raw) {
		System.out.printf(Locale.ROOT, "%,d notifications in %.2f s = %,.0f/s (%.1f %% of raw) in %d dispatch pass(es)%n",
				run.notifications(), run.seconds(), run.perSecond(), 100 * run.perSecond() / raw.perSecond(), run.passes());
		System.out.printf(Locale.ROOT, "SENT %,d, not SENT %,d; posts %,d (503: %,d, 429: %,d), SDK retries %,d, "
				+ "retried by the dispatcher %,d (attempts in all %,d), duplicated %,d%n", run.tally().sent(),
				run.tally().notSent(), run.posts(), run.replies503(), run.replies429(), run.sdkRetries(),
				run.tally().retriedByDispatcher(), run.tally().attempts(), run.duplicated());
		// Share of the wall time; with rounds overlapping, the shares add up to the rounds in flight.
		System.out.printf(Locale.ROOT, "Busy time by phase (summed over all rounds, %% of the %.2f s wall time):%n", run.seconds());
		for (DispatchPhases.Figures figures : run.phases()) {
			System.out.printf(Locale.ROOT, "  %-26s %6d calls %8.2f s %5.1f %% %8.1f ms/call (first tenth %.1f, last tenth %.1f)%n",
					figures.phase().label, figures.calls(), figures.seconds(), 100 * figures.seconds() / run.seconds(),
					1000 * figures.seconds() / figures.calls(), figures.firstTenthMillis(), figures.lastTenthMillis());
		}
		System.out.printf(Locale.ROOT, "Rounds in flight on average %.2f; claims that marked nothing (lost to another worker) %d%n",
				run.roundsInFlight(), run.emptyClaims());
		System.out.printf(Locale.ROOT, "CPU: %s%n", run.cpu());
	}

	private static void summary(RawFcmCapacity.Result raw, List<AppRun> runs, AppRun faults) {
		System.out.printf(Locale.ROOT, "%n| Run | Workers x batch | Notifications | Wall | Per second | Of raw capacity | Posts | Duplicated |%n");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| raw HTTP posts, %d threads | - | %,d | %.1f s | %,.0f | 100 %% | %,d | - |%n",
				SDK_THREADS, raw.posts(), raw.seconds(), raw.perSecond(), raw.posts());
		for (AppRun run : runs) {
			System.out.printf(Locale.ROOT, "| application | %s | %,d | %.1f s | %,.0f | %.1f %% | %,d | %,d |%n", run.setting(),
					run.notifications(), run.seconds(), run.perSecond(), 100 * run.perSecond() / raw.perSecond(), run.posts(),
					run.duplicated());
		}
		System.out.printf(Locale.ROOT, "| application, 10 %% 503 + 2 %% 429 | %s | %,d | %.1f s | %,.0f | %.1f %% | %,d | %,d |%n",
				faults.setting(), faults.notifications(), faults.seconds(), faults.perSecond(),
				100 * faults.perSecond() / raw.perSecond(), faults.posts(), faults.duplicated());

		System.out.printf(Locale.ROOT, "%n| Fault run (%s) | |%n|---|---|%n", faults.setting());
		System.out.printf(Locale.ROOT, "| sent (SENT) | %,d of %,d |%n", faults.tally().sent(), faults.notifications());
		System.out.printf(Locale.ROOT, "| replies 503 / 429 | %,d / %,d of %,d posts |%n", faults.replies503(), faults.replies429(), faults.posts());
		System.out.printf(Locale.ROOT, "| retried by the SDK (posts after a 503 on the SDK's own thread) | %,d |%n", faults.sdkRetries());
		System.out.printf(Locale.ROOT, "| retried by the dispatcher (notifications with attempts > 1) | %,d (%,d resends) |%n",
				faults.tally().retriedByDispatcher(), faults.tally().attempts() - faults.notifications());
		System.out.printf(Locale.ROOT, "| lost (not SENT at the end) | %,d |%n", faults.tally().notSent());
		System.out.printf(Locale.ROOT, "| duplicated ((notification, token) pairs with more than one 200) | %,d |%n", faults.duplicated());
		System.out.printf(Locale.ROOT, "| wall time | %.1f s, %d dispatch passes |%n", faults.seconds(), faults.passes());

		List<AppRun> all = new ArrayList<>(runs);
		all.add(faults);
		System.out.printf(Locale.ROOT, "%n| Busy time by phase, %% of wall time | %s |%n",
				all.stream().map(run -> run == faults ? run.setting() + " faults" : run.setting().toString())
					.collect(Collectors.joining(" | ")));
		System.out.println("|---|" + "---|".repeat(all.size()));
		for (Phase phase : Phase.values()) {
			List<String> cells = new ArrayList<>();
			for (AppRun run : all) {
				double share = run.phases().stream().filter(figures -> figures.phase() == phase)
					.mapToDouble(figures -> figures.seconds()).sum() / run.seconds();
				cells.add(String.format(Locale.ROOT, "%.0f %%", 100 * share));
			}
			System.out.printf("| %s | %s |%n", phase.label, String.join(" | ", cells));
		}
	}

	/** How many dispatch passes it took and how long, up to the end of the last pass. */
	record Drain(int passes, double seconds) {
	}

	/** One application instance on its own in-memory embedded database, pushing to the fake. */
	private record Application(ConfigurableApplicationContext context, ReactiveMongoTemplate mongo,
			NotificationDispatcher dispatcher, DispatchPhases phases, Clock clock) implements AutoCloseable {

		static Application start(FakeFcm fcm, Setting setting, String... extraProperties) {
			DispatchPhases phases = new DispatchPhases();
			List<String> arguments = new ArrayList<>(List.of("--talent.embedded-mongo.backend=memory",
					"--talent.notifications.scheduled=false", "--talent.notifications.workers=" + setting.workers(),
					"--talent.notifications.batch-size=" + setting.batchSize(), "--server.port=0",
					"--talent.security.local-key-file=", "--spring.main.banner-mode=off", "--logging.level.root=warn",
					"--logging.level.cn.talentexchange=warn",
					// Its warnings that non-unique indexes are not implemented would repeat at every start.
					"--logging.level.de.bwaldvogel.mongo=error"));
			arguments.addAll(List.of(extraProperties));
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TalentExchangeApplication.class,
					PushToFakeFcm.class)
				.initializers(starting -> {
					starting.getBeanFactory().registerSingleton("fakeFcm", fcm);
					starting.getBeanFactory().registerSingleton("dispatchPhases", phases);
				})
				.run(arguments.toArray(String[]::new));
			return new Application(context, context.getBean(ReactiveMongoTemplate.class),
					context.getBean(NotificationDispatcher.class), phases, context.getBean(Clock.class));
		}

		/** One phone each, seen just now, as registering through the API would leave it. */
		void giveEveryExpertADevice() {
			Instant now = clock.instant();
			long updated = Flux.range(0, EXPERTS)
				.concatMap(index -> mongo.updateFirst(Query.query(Criteria.where("_id").is(String.format("ex-%04d", index + 1))),
						new Update().set("devices",
								List.of(new Device("bench-device-" + index, token(index), Device.Platform.ANDROID, now, now))),
						Expert.class))
				.map(result -> result.getModifiedCount())
				.reduce(0L, Long::sum)
				.block();
			if (updated != EXPERTS) {
				throw new IllegalStateException("Only " + updated + " of " + EXPERTS + " seed experts were found");
			}
		}

		/** Puts notifications into the inboxes as the outbox relay does: PENDING, due now, recipients in turn. */
		void queue(String runId, int count) {
			Instant now = clock.instant();
			Flux.range(0, count)
				.map(index -> {
					String noticeId = runId + "-" + index;
					String username = String.format("expert-%04d", index % EXPERTS + 1);
					return new Notification(noticeId + ":" + username, noticeId, username, NotificationKind.REMINDER, TITLE,
							BODY, "bench-subject-" + noticeId, REQUEST_ID, now.plus(Duration.ofDays(10)), now, null,
							new Notification.Delivery(DeliveryState.PENDING, 0, now, null, Instant.EPOCH, null, 0, null, null, null));
				})
				.buffer(1_000)
				.concatMap(batch -> context.getBean(Inboxes.class).put(batch))
				.blockLast();
		}

		/** Dispatches until no notification is PENDING; retries wait for their time, so it may take several passes. */
		Drain drain(Duration limit) throws InterruptedException {
			long start = System.nanoTime();
			int passes = 0;
			while (true) {
				dispatcher.dispatch().block();
				passes++;
				long end = System.nanoTime();
				long pending = mongo.count(Query.query(Criteria.where("delivery.state").is(DeliveryState.PENDING)),
						Notification.class).block();
				if (pending == 0) {
					return new Drain(passes, (end - start) / 1e9);
				}
				if (Duration.ofNanos(end - start).compareTo(limit) > 0) {
					throw new IllegalStateException(pending + " notifications still PENDING after " + limit);
				}
				Thread.sleep(100);
			}
		}

		/** Empties the collections the warm-up filled; dropping them would drop their indexes too. */
		void forgetNotifications() {
			mongo.remove(new Query(), Notification.class).block();
			mongo.remove(new Query(), "newestNotices").block();
			mongo.remove(Query.query(Criteria.where("_id").regex("^pushes-owed:")), "idLists").block();
		}

		Tally tally() {
			Query all = new Query();
			all.fields().include("delivery.state").include("delivery.attempts");
			long[] figures = new long[4];
			mongo.find(all, Document.class, "notifications").doOnNext(stored -> {
				Document delivery = stored.get("delivery", Document.class);
				int attempts = delivery.getInteger("attempts", 0);
				figures[DeliveryState.SENT.name().equals(delivery.getString("state")) ? 0 : 1]++;
				figures[2] += attempts;
				figures[3] += attempts > 1 ? 1 : 0;
			}).blockLast();
			return new Tally(figures[0], figures[1], figures[2], figures[3]);
		}

		@Override
		public void close() {
			context.close();
		}

	}

	/**
	 * Beans added to the application: the FirebaseApp that PushConfiguration picks up, pointed at the fake,
	 * and the timing of the gateway and of the database commands. Not a {@code @Configuration}, so that no
	 * component scan (the tests' included) can pick it up.
	 */
	static class PushToFakeFcm {

		@Bean(destroyMethod = "delete")
		FirebaseApp fakeFcmApp(FakeFcm fcm) {
			return fcm.firebaseApp();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer commandTimings(DispatchPhases phases) {
			return settings -> settings.addCommandListener(phases);
		}

		@Bean
		static BeanPostProcessor timedPushGateway(DispatchPhases phases) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof PushGateway gateway ? phases.timed(gateway) : bean;
				}

			};
		}

	}

	/** A registration token of the usual length (about 150 characters), fixed per expert. */
	static String token(int expertIndex) {
		byte[] random = new byte[105];
		new Random(expertIndex).nextBytes(random);
		return String.format("bench%04d:APA91b", expertIndex + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst().orElse("unknown CPU");
		}
		catch (Exception ex) {
			return "unknown CPU";
		}
	}

	private static String loadAverage() {
		try {
			return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

}
