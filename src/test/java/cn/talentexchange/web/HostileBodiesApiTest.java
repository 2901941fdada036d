package cn.talentexchange.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every JSON request body in {@code api-spec/openapi.yaml} and sends what a careless or hostile client would:
 * the wrong root type, unknown fields, nesting two thousand deep, each field with the wrong type, text with a NUL,
 * dates that are not dates. Every answer must be a 4xx problem document; none may be a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "talent.embedded-mongo.database=hostile-bodies")
class HostileBodiesApiTest {

	private static final List<String> ACCOUNTS = List.of("coordinator", "admin", "agency-faku", "hr-city", "expert-0001");

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Test
	void everyBodyInTheContractRefusesBadInputWithAProblemDocument() throws Exception {
		JsonNode spec = new YAMLMapper().readTree(Path.of("api-spec/openapi.yaml").toFile());
		Map<String, String> tokens = new LinkedHashMap<>();
		for (String account : ACCOUNTS) {
			tokens.put(account, token(account));
		}
		List<String> failures = new ArrayList<>();
		int sent = 0;
		Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").properties().iterator();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (String method : List.of("post", "put", "patch")) {
				JsonNode schema = path.getValue().path(method).path("requestBody").path("content").path("application/json")
					.path("schema");
				if (schema.isMissingNode()) {
					continue;
				}
				String uri = path.getKey().replaceAll("\\{n}", "0").replaceAll("\\{[^}]+}", "no-such-id");
				HttpMethod verb = HttpMethod.valueOf(method.toUpperCase());
				String token = accountFor(verb, uri, tokens);
				for (String body : hostileBodies(resolve(spec, schema), spec)) {
					sent++;
					EntityExchangeResult<String> answer = client(token).method(verb).uri(uri)
						.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
						.expectBody(String.class).returnResult();
					int status = answer.getStatus().value();
					String type = String.valueOf(answer.getResponseHeaders().getContentType());
					if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
						failures.add(method.toUpperCase() + " " + uri + " " + abbreviate(body) + " -> " + status + " " + type);
					}
				}
			}
		}
		assertThat(sent).as("bodies sent").isGreaterThan(200);
		assertThat(failures).isEmpty();
	}

	/** Wrong shapes of the whole body, then each property of the schema given the wrong kind of value. */
	private List<String> hostileBodies(JsonNode schema, JsonNode spec) {
		List<String> bodies = new ArrayList<>(List.of("[]", "\"text\"", "42", "{\"noSuchField\": 1}",
				"{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "{\"" + "k".repeat(100_000) + "\": 1}"));
		Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
		while (properties.hasNext()) {
			Map.Entry<String, JsonNode> property = properties.next();
			JsonNode type = resolve(spec, property.getValue());
			String name = property.getKey();
			boolean text = type.path("type").asText().equals("string") || type.path("type").toString().contains("string");
			bodies.add("{\"" + name + "\": " + (text ? "{\"nested\": true}" : "\"wrong\"") + "}");
			bodies.add("{\"" + name + "\": [[[[]]]]}");
			if (text) {
				bodies.add("{\"" + name + "\": \"a\\u0000b\"}");
				bodies.add("{\"" + name + "\": \"\\ud800\"}");
				bodies.add("{\"" + name + "\": \"" + "x".repeat(20_000) + "\"}");
			}
			if ("date".equals(type.path("format").asText())) {
				bodies.add("{\"" + name + "\": \"2026-02-30\"}");
				bodies.add("{\"" + name + "\": \"+999999999-12-31\"}");
			}
		}
		return bodies;
	}

	private static JsonNode resolve(JsonNode spec, JsonNode schema) {
		JsonNode current = schema;
		for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
			String[] pointer = current.get("$ref").asText().substring(2).split("/");
			current = spec;
			for (String part : pointer) {
				current = current.path(part);
			}
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(spec, current.get("allOf").get(0));
		}
		return current;
	}

	/** The first account whose role may call the operation at all, so that the body, not the role, is judged. */
	private String accountFor(HttpMethod verb, String uri, Map<String, String> tokens) {
		for (String token : tokens.values()) {
			int status = client(token).method(verb).uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"noSuchField\": 1}")
				.exchange().expectBody(String.class).returnResult().getStatus().value();
			if (status != 403) {
				return token;
			}
		}
		return tokens.get("coordinator");
	}

	private WebTestClient client(String token) {
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
			.defaultHeader("Authorization", "Bearer " + token).build();
	}

	private String token(String username) throws Exception {
		String answer = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
			.post().uri("/api/v1/dev/tokens").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username)).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		return json.readTree(answer).get("accessToken").asText();
	}

	private static String abbreviate(String body) {
		return body.length() > 80 ? body.substring(0, 80) + "..." : body;
	}

}
