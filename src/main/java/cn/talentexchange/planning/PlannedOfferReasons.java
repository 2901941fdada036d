package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.OfferReasons;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The expert's side of the county's explanation: the same reasons, read for one assignment. Working them out loads the
 * plan around the request (a few hundred milliseconds), and a phone reads its offer again and again, so the answer is
 * kept for {@link #KEPT_FOR} per seat position, expert and language: a replan shows within that time.
 */
@Component
class PlannedOfferReasons implements OfferReasons {

	static final Duration KEPT_FOR = Duration.ofMinutes(10);

	private static final int MOST_KEPT = 20_000;

	private final RequestInsights insights;

	private final Clock clock;

	private final Map<Key, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
			return size() > MOST_KEPT;
		}

	});

	PlannedOfferReasons(RequestInsights insights, Clock clock) {
		this.insights = insights;
		this.clock = clock;
	}

	@Override
	public Mono<List<String>> of(Assignment assignment, Locale locale) {
		boolean chinese = !"en".equals(locale.getLanguage());
		Key key = new Key(assignment.requestId(), assignment.seat(), assignment.position(), assignment.expertId(), chinese);
		Instant now = clock.instant();
		Kept found = kept.get(key);
		if (found != null && found.until().isAfter(now)) {
			return Mono.just(found.reasons());
		}
		return insights.reasonsFor(key.requestId(), key.seat(), key.position(), key.expertId(), chinese)
			.doOnNext(reasons -> kept.put(key, new Kept(reasons, now.plus(KEPT_FOR))));
	}

	private record Key(String requestId, int seat, int position, String expertId, boolean chinese) {
	}

	private record Kept(List<String> reasons, Instant until) {
	}

}
