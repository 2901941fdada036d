package cn.talentexchange.planning;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import cn.talentexchange.Clocks;
import cn.talentexchange.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the application with SIGKILL while a plan solves and starts it again on the same database: the plan
 * left SOLVING by the dead instance is ended as FAILED and its weekends can be planned again, all within
 * 90 seconds of the kill, without anyone touching the plan.
 */
class PlanCrashRecoveryTest {

	private static final LocalDate TODAY = LocalDate.now(Clocks.PROGRAMME_ZONE);

	@TempDir
	Path data;

	@Test
	void aPlanLeftSolvingByAKilledInstanceEndsFailedAndItsWindowIsFreeWithinNinetySeconds() throws Exception {
		Path configs = Files.createDirectories(data.resolve("solver-config"));
		try (var tests = Files.list(Path.of("src/test/resources/solver-config-test"))) {
			for (Path file : tests.toList()) {
				Files.copy(file, configs.resolve(file.getFileName()));
			}
		}
		// The test search, but ten minutes long: it is still solving when the process dies.
		Files.writeString(configs.resolve("weekend-long.xml"), Files.readString(configs.resolve("weekend-interactive.xml"))
			.replaceAll("<secondsSpentLimit>\\d+</secondsSpentLimit>", "<secondsSpentLimit>600</secondsSpentLimit>")
			.replaceAll("<stepCountLimit>\\d+</stepCountLimit>", "<stepCountLimit>100000000</stepCountLimit>")
			.replaceAll("<unimprovedStepCountLimit>\\d+</unimprovedStepCountLimit>", ""));
		ChildApplication app = new ChildApplication(data, "--talent.solving.config-directory=" + configs).start();
		Map<String, Object> window = Map.of("from", TODAY.toString(), "to", TODAY.plusDays(60).toString());
		String planId;
		Instant killed;
		try {
			String token = app.token("coordinator");
			HttpResponse<String> started = app.send("POST", "/api/v1/plans", token, Map.of("from", window.get("from"),
					"to", window.get("to"), "profile", "weekend-long"));
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
			planId = (String) ChildApplication.JSON.readValue(started.body(), Map.class).get("id");
			Instant deadline = Instant.now().plusSeconds(60);
			while (!"SOLVING".equals(app.json("/api/v1/plans/" + planId, token).get("status"))) {
				assertThat(Instant.now()).as("the plan starts solving").isBefore(deadline);
				Thread.sleep(100);
			}
		}
		finally {
			app.kill();
			killed = Instant.now();
		}

		app.start();
		try {
			String token = app.token("coordinator");
			assertThat(app.json("/api/v1/plans/" + planId, token).get("status")).isEqualTo("SOLVING");
			Instant deadline = killed.plusSeconds(90);
			Map<?, ?> lost = app.json("/api/v1/plans/" + planId, token);
			String replacement = null;
			while (Instant.now().isBefore(deadline) && (replacement == null || "SOLVING".equals(lost.get("status")))) {
				if (replacement == null) {
					HttpResponse<String> again = app.send("POST", "/api/v1/plans", token, window);
					assertThat(again.statusCode()).as(again.body()).isIn(202, 409);
					if (again.statusCode() == 202) {
						replacement = (String) ChildApplication.JSON.readValue(again.body(), Map.class).get("id");
					}
				}
				Thread.sleep(1000);
				lost = app.json("/api/v1/plans/" + planId, token);
			}
			assertThat(lost.get("status")).as("the lost plan, %s after the kill", Duration.between(killed, Instant.now()))
				.isEqualTo("FAILED");
			assertThat((String) lost.get("failure")).startsWith("instance-lost");
			assertThat(replacement).as("a new plan on the same window within 90 s of the kill").isNotNull();
			Instant solvedBy = Instant.now().plusSeconds(60);
			while (!"SOLVED".equals(app.json("/api/v1/plans/" + replacement, token).get("status"))) {
				assertThat(Instant.now()).as("the new plan solves").isBefore(solvedBy);
				Thread.sleep(500);
			}
		}
		finally {
			app.kill();
		}
	}

}
