package cn.talentexchange.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.ExchangeResult;

/**
 * {@code api-spec/openapi.yaml} as a test oracle: every request and response body an integration test
 * exchanges is validated against the schema the spec gives for that path, method, status and media type.
 */
public final class ApiContract {

	private static final String DOCUMENT = "urn:talent-exchange:openapi";

	private static final ApiContract INSTANCE = new ApiContract(Path.of("api-spec/openapi.yaml"));

	private final JsonNode spec;

	private final List<Route> routes = new ArrayList<>();

	private final JsonSchemaFactory schemas;

	private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

	private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

	private final ObjectMapper json = new ObjectMapper();

	private ApiContract(Path file) {
		try {
			this.spec = new YAMLMapper().readTree(file.toFile());
			String asJson = json.writeValueAsString(spec);
			this.schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
					builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT, asJson))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").properties().iterator();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			path.getValue().properties().forEach(operation -> {
				if (Set.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
					routes.add(new Route(operation.getKey().toUpperCase(), path.getKey()));
				}
			});
		}
	}

	public static ApiContract get() {
		return INSTANCE;
	}

	/** "METHOD /path/{template}" for every operation in the spec. */
	public Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		routes.forEach(route -> operations.add(route.method() + " " + route.template()));
		return operations;
	}

	/** Throws an AssertionError that says what in the exchange breaks the contract. */
	public void verify(ExchangeResult exchange) {
		String method = exchange.getMethod().name();
		String path = exchange.getUrl().getRawPath();
		Route route = routes.stream()
			.filter(candidate -> candidate.method().equals(method) && candidate.matches(path))
			.min((a, b) -> Integer.compare(a.variableCount(), b.variableCount()))
			.orElseThrow(() -> new AssertionError("The spec has no operation " + method + " " + path));
		String operation = "/paths/" + escape(route.template()) + "/" + method.toLowerCase();

		byte[] requestBody = exchange.getRequestBodyContent();
		if (requestBody != null && requestBody.length > 0 && isJson(exchange.getRequestHeaders().getContentType())
				&& exchange.getStatus().value() != 400) {
			validate(operation + "/requestBody/content/application~1json/schema", requestBody,
					"request body of " + method + " " + path);
		}

		String status = String.valueOf(exchange.getStatus().value());
		String responsePointer = operation + "/responses/" + status;
		JsonNode response = at(responsePointer);
		if (response.isMissingNode()) {
			throw new AssertionError(method + " " + path + " answered " + status + ", which the spec does not list");
		}
		if (response.has("$ref")) {
			responsePointer = response.get("$ref").asText().substring(1);
			response = at(responsePointer);
		}
		byte[] responseBody = exchange.getResponseBodyContent();
		MediaType contentType = exchange.getResponseHeaders().getContentType();
		if (responseBody == null || responseBody.length == 0) {
			if (response.has("content") && !status.equals("304")) {
				throw new AssertionError(method + " " + path + " " + status + " has no body but the spec gives one");
			}
			return;
		}
		String mediaType = contentType == null ? "" : contentType.getType() + "/" + contentType.getSubtype();
		if (!response.path("content").has(mediaType)) {
			throw new AssertionError(method + " " + path + " " + status + " answered " + mediaType
					+ ", which the spec does not list");
		}
		String schema = responsePointer + "/content/" + escape(mediaType) + "/schema";
		if (!isJson(MediaType.parseMediaType(mediaType)) && !mediaType.equals(MediaType.TEXT_EVENT_STREAM_VALUE)) {
			// A document of another format (iCalendar) is checked by its own tests; the spec fixes only its type.
			return;
		}
		if (mediaType.equals(MediaType.TEXT_EVENT_STREAM_VALUE)) {
			// The stream is text; each event's data is one JSON document of the schema the media type names.
			String eventSchema = responsePointer + "/content/" + escape(mediaType) + "/x-event-data-schema";
			for (String line : new String(responseBody, StandardCharsets.UTF_8).split("\n")) {
				if (line.startsWith("data:")) {
					validate(eventSchema, line.substring(5).getBytes(StandardCharsets.UTF_8),
							"event of " + method + " " + path);
				}
			}
			return;
		}
		validate(schema, responseBody, "response " + status + " of " + method + " " + path);
	}

	private void validate(String pointer, byte[] body, String what) {
		if (at(pointer).isMissingNode()) {
			throw new AssertionError("The spec gives no schema for the " + what + " (" + pointer + ")");
		}
		JsonSchema schema = compiled.computeIfAbsent(pointer,
				key -> schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + key), config));
		JsonNode instance;
		try {
			instance = json.readTree(body);
		}
		catch (IOException ex) {
			throw new AssertionError("The " + what + " is not JSON: " + new String(body, StandardCharsets.UTF_8));
		}
		Set<ValidationMessage> errors = schema.validate(instance);
		if (!errors.isEmpty()) {
			throw new AssertionError("The " + what + " breaks the contract: " + errors + "\n"
					+ new String(body, StandardCharsets.UTF_8));
		}
	}

	private JsonNode at(String pointer) {
		return spec.at(pointer);
	}

	private static boolean isJson(MediaType type) {
		return type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json"));
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private record Route(String method, String template) {

		boolean matches(String path) {
			return Pattern.matches(template.replaceAll("\\{[^/]+}", "[^/]+"), path);
		}

		int variableCount() {
			return template.split("\\{", -1).length - 1;
		}

	}

}
