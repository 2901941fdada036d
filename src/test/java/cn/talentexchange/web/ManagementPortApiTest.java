package cn.talentexchange.web;

import java.time.Duration;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With a management port set, the scrape is there, without a token; the API's port no longer answers it. */
@TestPropertySource(properties = { "talent.embedded-mongo.database=management", "management.server.port=0" })
class ManagementPortApiTest extends ApiTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void aScraperOnTheManagementPortNeedsNoToken() {
		assertThat(managementPort).isNotEqualTo(port);
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		management.get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).value(scrape -> assertThat(scrape).contains("talent_offers_accepted_total"));

		raw().get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf("admin"))
			.exchange().expectStatus().isNotFound();
		raw().get().uri("/api/v1/counties").exchange().expectStatus().isUnauthorized();
	}

}
