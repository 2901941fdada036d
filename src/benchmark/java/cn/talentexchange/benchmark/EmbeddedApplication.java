package cn.talentexchange.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.talentexchange.TalentExchangeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as the README runs it (H2 file store, every write forced to disk), quiet, on a free port. */
final class EmbeddedApplication {

	private EmbeddedApplication() {
	}

	static ConfigurableApplicationContext start(Path store, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--talent.embedded-mongo.backend=h2",
				"--talent.embedded-mongo.file=" + store, "--talent.security.local-key-file=" + store.resolveSibling("key.json"),
				"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
				"--logging.level.cn.talentexchange=warn", "--logging.level.de.bwaldvogel.mongo=error"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(TalentExchangeApplication.class).run(arguments.toArray(String[]::new));
	}

}
