package cn.talentexchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's tour is a script; it must run as written against a server started from the seeds. */
@TestPropertySource(properties = "talent.embedded-mongo.database=tour")
class TourScriptTest extends ApiTest {

	@Test
	void theTourRunsAsWritten() throws IOException, InterruptedException {
		Path log = Files.createTempFile("tour", ".log");
		try {
			ProcessBuilder tour = new ProcessBuilder("bash", "docs/tour.sh").redirectErrorStream(true)
				.redirectOutput(log.toFile());
			tour.environment().put("BASE", "http://127.0.0.1:" + port);
			Process running = tour.start();
			boolean ended = running.waitFor(10, TimeUnit.MINUTES);
			if (!ended) {
				running.destroyForcibly();
			}
			// The tour shortens answers by bytes, which may cut a character: read leniently.
			String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
			assertThat(ended).as("the tour ended within 10 minutes:%n%s", output).isTrue();
			assertThat(running.exitValue()).as("the tour's exit status:%n%s", output).isZero();
			assertThat(output).contains("The tour is over.").doesNotContain("The tour stops");
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

}
