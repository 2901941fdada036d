package cn.talentexchange.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.sun.net.httpserver.HttpServer;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roles reach Firebase through the real Admin SDK: a local server stands in for the Identity Toolkit
 * API, as the fake FCM endpoint does for messaging.
 */
class FirebaseRoleClaimsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HttpServer identityToolkit;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String answer = "{\"localId\":\"hr-faku\"}";

	/** What the account lookup answers: Firebase knows hr-faku. */
	private volatile String lookup = "{\"users\":[{\"localId\":\"hr-faku\"}]}";

	private FirebaseApp app;

	@BeforeEach
	void start() throws IOException {
		identityToolkit = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		identityToolkit.createContext("/", exchange -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
				String reply = exchange.getRequestURI().getPath().endsWith("accounts:lookup") ? lookup : answer;
				byte[] body = reply.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		identityToolkit.start();
		int port = identityToolkit.getAddress().getPort();
		NetHttpTransport transport = new NetHttpTransport.Builder()
			.setConnectionFactory(url -> (HttpURLConnection) new URL("http", "127.0.0.1", port, url.getFile()).openConnection())
			.build();
		app = FirebaseApp.initializeApp(FirebaseOptions.builder()
			.setCredentials(GoogleCredentials.create(new AccessToken("fake-access-token",
					Date.from(Instant.now().plusSeconds(3600)))))
			.setProjectId("demo-project")
			.setHttpTransport(transport)
			.build(), "role-claims-" + UUID.randomUUID());
	}

	@AfterEach
	void stop() {
		app.delete();
		identityToolkit.stop(0);
	}

	@Test
	void theRolesCountyAndOrganisationsBecomeTheAccountsCustomClaims() throws Exception {
		StaffUser user = new StaffUser("user-hr-faku", "hr-faku", "法库县人社局", Set.of(Role.HR_BUREAU, Role.COORDINATOR),
				null, Set.of("xinmin", "faku"), "zh-CN", true, 3);

		new FirebaseRoleClaims(app).publish(user).block();

		assertThat(received).singleElement().satisfies(request -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/v1/projects/demo-project/accounts:update");
			assertThat(request.authorization()).isEqualTo("Bearer fake-access-token");
			assertThat(request.body().path("localId").asString()).isEqualTo("hr-faku");
			JsonNode claims = JSON.readTree(request.body().path("customAttributes").asString());
			assertThat(claims.path("roles").toString()).isEqualTo("[\"COORDINATOR\",\"HR_BUREAU\"]");
			assertThat(claims.path("orgs").toString()).isEqualTo("[\"faku\",\"xinmin\"]");
			assertThat(claims.path("locale").asString()).isEqualTo("zh-CN");
			assertThat(claims.has("county")).isFalse();
		});
	}

	@Test
	void anAccountFirebaseDoesNotKnowOrClaimsTooLongAreRefusedBeforeAnythingIsStored() {
		FirebaseRoleClaims claims = new FirebaseRoleClaims(app);
		StaffUser known = new StaffUser("user-hr-faku", "hr-faku", "HR", Set.of(Role.HR_BUREAU), null, Set.of("faku"), "en",
				true, 0);
		claims.check(known).block();
		assertThat(received).singleElement().satisfies(request -> {
			assertThat(request.path()).isEqualTo("/v1/projects/demo-project/accounts:lookup");
			assertThat(request.body().path("localId").toString()).contains("hr-faku");
		});

		lookup = "{}";
		assertThatThrownBy(() -> claims.check(known).block()).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.type()).isEqualTo(ProblemType.IDENTITY_PROVIDER_FAILED));

		Set<String> many = new java.util.HashSet<>();
		for (int i = 0; i < 20; i++) {
			many.add("organisation-with-a-rather-long-identifier-number-" + i);
		}
		StaffUser wordy = new StaffUser("user-hr-faku", "hr-faku", "HR", Set.of(Role.HR_BUREAU), null, many, "en", true, 0);
		assertThatThrownBy(() -> claims.check(wordy).block()).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
	}

	@Test
	void aRefusalBecomesAnIdentityProviderProblem() {
		status = 400;
		answer = "{\"error\":{\"code\":400,\"message\":\"USER_NOT_FOUND\",\"status\":\"INVALID_ARGUMENT\"}}";
		StaffUser user = new StaffUser("user-gone", "gone", "Gone", Set.of(Role.COORDINATOR), null, Set.of(), "en", true, 1);

		assertThatThrownBy(() -> new FirebaseRoleClaims(app).publish(user).block())
			.isInstanceOfSatisfying(ApiProblem.class,
					problem -> assertThat(problem.type()).isEqualTo(ProblemType.IDENTITY_PROVIDER_FAILED))
			.hasMessageContaining("send the change again");
	}

	private record Received(String method, String path, String authorization, JsonNode body) {
	}

}
