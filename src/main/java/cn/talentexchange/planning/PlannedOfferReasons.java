package cn.talentexchange.planning;

import java.util.List;
import java.util.Locale;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.OfferReasons;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The expert's side of the county's explanation: the same reasons, read for one assignment. */
@Component
class PlannedOfferReasons implements OfferReasons {

	private final RequestInsights insights;

	PlannedOfferReasons(RequestInsights insights) {
		this.insights = insights;
	}

	@Override
	public Mono<List<String>> of(Assignment assignment, Locale locale) {
		return insights.reasonsFor(assignment.requestId(), assignment.seat(), assignment.position(), assignment.expertId(),
				!"en".equals(locale.getLanguage()));
	}

}
