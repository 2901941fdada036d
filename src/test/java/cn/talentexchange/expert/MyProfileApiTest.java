package cn.talentexchange.expert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class MyProfileApiTest extends ApiTest {

	private static final LocalDate NEXT_SATURDAY = LocalDate.now(ZoneId.of("Asia/Shanghai"))
		.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

	@Test
	void anExpertReadsAndEditsTheirOwnProfile() {
		Map<?, ?> me = profile("expert-0010");
		assertThat(me.get("username")).isEqualTo("expert-0010");
		assertThat((String) me.get("phone")).doesNotContain("*");

		Map<String, Object> changes = profileChanges(me);
		changes.put("maxTravelMinutes", 90);
		changes.put("paused", true);
		as("expert-0010").put().uri("/api/v1/experts/me").contentType(MediaType.APPLICATION_JSON).bodyValue(changes)
			.exchange().expectStatus().isOk()
			.expectBody()
			.jsonPath("$.maxTravelMinutes").isEqualTo(90)
			.jsonPath("$.status").isEqualTo("PAUSED")
			.jsonPath("$.skills").isEqualTo(me.get("skills"));
	}

	@Test
	void anExpertCannotChangeTheirSkillsOrUsername() {
		Map<String, Object> changes = profileChanges(profile("expert-0011"));
		changes.put("skills", List.of(Map.of("skill", "anything", "level", 5)));
		as("expert-0011").put().uri("/api/v1/experts/me").contentType(MediaType.APPLICATION_JSON).bodyValue(changes)
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("skills");
	}

	@Test
	void availabilityTakesWeekendDaysOnly() {
		Map<?, ?> me = profile("expert-0012");
		Object version = me.get("version");
		as("expert-0012").put().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dates", List.of(NEXT_SATURDAY.plusDays(2).toString()), "version", version))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("dates[0]");

		as("expert-0012").put().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dates", List.of(NEXT_SATURDAY.plusDays(1).toString(), NEXT_SATURDAY.toString()),
					"blackoutDates", List.of(NEXT_SATURDAY.toString()), "version", version))
			.exchange().expectStatus().isOk().expectBody();
		as("expert-0012").get().uri("/api/v1/experts/me/availability").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.dates[0]").isEqualTo(NEXT_SATURDAY.toString())
			.jsonPath("$.dates[1]").isEqualTo(NEXT_SATURDAY.plusDays(1).toString())
			.jsonPath("$.blackoutDates[0]").isEqualTo(NEXT_SATURDAY.toString());
	}

	@Test
	void availabilityIsEditedDateByDateWithoutReplacingTheRest() {
		LocalDate sunday = NEXT_SATURDAY.plusDays(1);
		LocalDate weekAfter = NEXT_SATURDAY.plusWeeks(1);
		as("expert-0015").put().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("dates", List.of(NEXT_SATURDAY.toString(), sunday.toString()), "version",
					profile("expert-0015").get("version")))
			.exchange().expectStatus().isOk().expectBody();

		Map<?, ?> edited = as("expert-0015").patch().uri("/api/v1/experts/me/availability")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("addDates", List.of(weekAfter.toString()), "removeDates", List.of(sunday.toString()),
					"addBlackoutDates", List.of(NEXT_SATURDAY.toString())))
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(edited.get("dates")).isEqualTo(List.of(NEXT_SATURDAY.toString(), weekAfter.toString()));
		assertThat(edited.get("blackoutDates")).isEqualTo(List.of(NEXT_SATURDAY.toString()));

		as("expert-0015").patch().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"1\"")
			.bodyValue(Map.of("removeBlackoutDates", List.of(NEXT_SATURDAY.toString())))
			.exchange().expectStatus().isEqualTo(412).expectBody();
		as("expert-0015").patch().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("addDates", List.of(NEXT_SATURDAY.plusDays(3).toString())))
			.exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("addDates[0]");
		as("expert-0015").patch().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("addDates", List.of()))
			.exchange().expectStatus().isBadRequest().expectBody();
		as("coordinator").patch().uri("/api/v1/experts/me/availability").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("addDates", List.of(weekAfter.toString())))
			.exchange().expectStatus().isForbidden().expectBody();
	}

	@Test
	void aPhoneRegistersOnceRefreshesAndUnregisters() {
		Map<String, Object> device = Map.of("token", "fcm-token-abc123:APA91b", "platform", "ANDROID");
		Map<?, ?> first = as("expert-0013").post().uri("/api/v1/experts/me/devices")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device)
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		Map<?, ?> again = as("expert-0013").post().uri("/api/v1/experts/me/devices")
			.contentType(MediaType.APPLICATION_JSON).bodyValue(device)
			.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(again.get("id")).isEqualTo(first.get("id"));
		assertThat(first.get("tokenSuffix")).isEqualTo("3:APA91b");

		as("expert-0013").get().uri("/api/v1/experts/me/devices").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
		as("expert-0013").delete().uri("/api/v1/experts/me/devices/" + first.get("id")).exchange()
			.expectStatus().isNoContent().expectBody().isEmpty();
		as("expert-0013").delete().uri("/api/v1/experts/me/devices/" + first.get("id")).exchange()
			.expectStatus().isNotFound().expectBody();
		as("expert-0013").get().uri("/api/v1/experts/me/devices").exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@Test
	void staffHaveNoExpertProfile() {
		as("hr-city").get().uri("/api/v1/experts/me").exchange().expectStatus().isForbidden().expectBody();
		as("coordinator").get().uri("/api/v1/experts/me/availability").exchange().expectStatus().isForbidden()
			.expectBody();
	}

	private Map<?, ?> profile(String username) {
		return as(username).get().uri("/api/v1/experts/me").exchange()
			.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	private static Map<String, Object> profileChanges(Map<?, ?> me) {
		Map<String, Object> changes = new HashMap<>();
		for (String field : List.of("displayName", "phone", "email", "homeLocation", "maxWeekendsPerMonth",
				"maxTravelMinutes", "preferredCountyIds", "preferredCategories", "locale", "contactConsent", "version")) {
			changes.put(field, me.get(field));
		}
		changes.put("paused", false);
		return changes;
	}

}
