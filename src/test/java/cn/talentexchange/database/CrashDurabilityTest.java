package cn.talentexchange.database;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ChildApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real application in its own JVM on the H2 file backend, kills it with SIGKILL right after an
 * acknowledged write, and starts it again on the same file.
 */
class CrashDurabilityTest {

	@TempDir
	Path data;

	@Test
	void anAcknowledgedWriteSurvivesKillMinusNineAndARestartDoesNotReseed() throws Exception {
		ChildApplication app = new ChildApplication(data).start();
		// The store holds phone numbers and the key signs tokens: only the service's own user may read them.
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db.mv")))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("key.json"))))
			.isEqualTo("rw-------");
		String expertId;
		long expertsAfterWrite;
		try {
			String token = app.token("coordinator");
			HttpResponse<String> created = app.send("POST", "/api/v1/experts", token, Map.of(
					"username", "durable-expert", "displayName", "Durable", "phone", "+86 199 0000 7777",
					"employer", "沈阳市规划设计研究院", "organisationId", "heping",
					"homeLocation", Map.of("lat", 41.79, "lon", 123.40),
					"skills", List.of(Map.of("skill", firstSkill(app, token), "level", 3)),
					"maxWeekendsPerMonth", 2, "maxTravelMinutes", 120, "contactConsent", true));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			expertId = (String) ChildApplication.JSON.readValue(created.body(), Map.class).get("id");
			expertsAfterWrite = expertCount(app, token);
		}
		finally {
			app.kill();
		}

		app.start();
		try {
			String token = app.token("coordinator");
			HttpResponse<String> read = app.send("GET", "/api/v1/experts/" + expertId, token, null);
			assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
			assertThat(expertCount(app, token)).isEqualTo(expertsAfterWrite);
		}
		finally {
			app.kill();
		}
	}

	private static String firstSkill(ChildApplication app, String token) throws Exception {
		return (String) ((Map<?, ?>) ((List<?>) app.json("/api/v1/skills?size=1", token).get("items")).get(0)).get("id");
	}

	private static long expertCount(ChildApplication app, String token) throws Exception {
		return ((Number) app.json("/api/v1/experts?size=1", token).get("total")).longValue();
	}

}
