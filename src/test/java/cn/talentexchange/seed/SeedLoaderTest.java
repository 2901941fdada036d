package cn.talentexchange.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.support.ApiTest;
import com.mongodb.reactivestreams.client.MongoClient;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class SeedLoaderTest extends ApiTest {

	@Autowired
	SeedLoader loader;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	MongoClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	Validator validator;

	@Autowired
	Clock clock;

	@TempDir
	Path seeds;

	@Test
	void theDemoHasTheAgreedContents() {
		assertThat(count(Expert.class)).isGreaterThanOrEqualTo(200);
		assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("status").is("OPEN")),
				DemandRequest.class).block()).isGreaterThanOrEqualTo(40);
		Expert first = mongo.findById("ex-0001", Expert.class).block();
		assertThat(first.username()).isEqualTo("expert-0001");
		assertThat(first.availability().dates()).isNotEmpty()
			.allSatisfy(date -> assertThat(date.getDayOfWeek().getValue()).isGreaterThanOrEqualTo(6));
	}

	@Test
	void aSecondLoadChangesNothing() {
		long experts = count(Expert.class);
		long requests = count(DemandRequest.class);
		Expert before = mongo.findById("ex-0002", Expert.class).block();

		StepVerifier.create(loader.run()).verifyComplete();

		assertThat(count(Expert.class)).isEqualTo(experts);
		assertThat(count(DemandRequest.class)).isEqualTo(requests);
		assertThat(mongo.findById("ex-0002", Expert.class).block()).isEqualTo(before);
	}

	@Test
	void anUnknownSkillStopsTheLoadNamingFileAndRecord() throws IOException {
		copySeeds();
		Path experts = seeds.resolve("experts.json");
		Files.writeString(experts, Files.readString(experts).replaceFirst("\"skill\": \"[a-z-]+\"", "\"skill\": \"no-such-skill\""));

		StepVerifier.create(freshLoader().run())
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("experts.json ex-0001")
				.hasMessageContaining("unknown skill no-such-skill"))
			.verify();
	}

	@Test
	void brokenJsonStopsTheLoadNamingTheFile() throws IOException {
		copySeeds();
		Files.writeString(seeds.resolve("users.json"), "[{\"username\": ");

		StepVerifier.create(freshLoader().run())
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("users.json"))
			.verify();
	}

	@Test
	void aMissingRequiredFieldStopsTheLoad() throws IOException {
		copySeeds();
		Path requests = seeds.resolve("requests.json");
		Files.writeString(requests, Files.readString(requests).replaceFirst("\"title\": \"[^\"]*\",", ""));

		StepVerifier.create(freshLoader().run())
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("requests.json record 0: title"))
			.verify();
	}

	private SeedLoader freshLoader() {
		ReactiveMongoTemplate fresh = new ReactiveMongoTemplate(client, "fresh-" + UUID.randomUUID());
		return new SeedLoader(fresh, json, validator, new SeedSettings(seeds.toString(), true), clock);
	}

	private void copySeeds() throws IOException {
		try (var files = Files.list(Path.of("seeds"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
				Files.copy(file, seeds.resolve(file.getFileName()));
			}
		}
	}

	private long count(Class<?> type) {
		return mongo.count(new Query(), type).block();
	}

}
