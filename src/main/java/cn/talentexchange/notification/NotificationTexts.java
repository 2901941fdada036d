package cn.talentexchange.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.talentexchange.pairing.County;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.pairing.Skill;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes a notice's title and body in the recipient's language, naming counties and skills as people say them. */
@Component
class NotificationTexts {

	private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	private final ReferenceData references;

	private final Clock clock;

	NotificationTexts(ReferenceData references, Clock clock) {
		this.references = references;
		this.clock = clock;
		texts.setBasename("notifications/texts");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	Mono<Text> write(Notice notice, String locale) {
		boolean chinese = locale == null || locale.startsWith("zh");
		Locale language = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		String countyId = notice.params().getOrDefault("county", "");
		String skillId = notice.params().getOrDefault("skill", "");
		Mono<String> county = references.county(countyId).map((County found) -> chinese ? found.nameZh() : found.nameEn())
			.defaultIfEmpty(countyId);
		Mono<String> skill = references.skill(skillId).map((Skill found) -> chinese ? found.nameZh() : found.nameEn())
			.defaultIfEmpty(skillId);
		return Mono.zip(county, skill).map(names -> {
			String deadline = notice.params().containsKey("deadline")
					? DEADLINE.format(Instant.parse(notice.params().get("deadline")).atZone(clock.getZone())) : "";
			Object[] args = { names.getT1(), notice.params().getOrDefault("date", ""), names.getT2(), deadline,
					notice.requestId(), notice.params().getOrDefault("missing", ""), notice.params().getOrDefault("role", ""),
					notice.subjectId() };
			// Some kinds have one text per event: SECONDMENT.APPROVED, SECONDMENT.TERMINATED, ...
			String key = notice.params().containsKey("event") ? notice.kind() + "." + notice.params().get("event")
					: notice.kind().name();
			return new Text(texts.getMessage(key + ".title", args, language), texts.getMessage(key + ".body", args, language));
		});
	}

	record Text(String title, String body) {
	}

}
