package cn.talentexchange.planning;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.assignment.VisitFacts.VisitOutcome;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.planning.domain.TrackRecord;
import reactor.core.publisher.Mono;

/** Every expert's track record per category of problem, by expert id. */
public record TrackRecords(Map<String, Map<ActionCategory, TrackRecord>> byExpert) {

	public static final TrackRecords NONE = new TrackRecords(Map.of());

	/** The rated visits and no-shows, then the categories of their requests: two queries, whatever the history. */
	static Mono<TrackRecords> load(VisitFacts visitFacts, Requests requests) {
		return visitFacts.outcomes().collectList().flatMap(visits -> visits.isEmpty() ? Mono.just(NONE)
				: requests.categoriesOf(visits.stream().map(VisitOutcome::requestId).distinct().toList())
					.map(categories -> from(visits, categories)));
	}

	/** Completed visits without feedback say nothing yet, and a visit whose request is gone has no category. */
	static TrackRecords from(Collection<VisitOutcome> visits, Map<String, ActionCategory> categoryByRequest) {
		Map<String, Map<ActionCategory, TrackRecord>> byExpert = new HashMap<>();
		for (VisitOutcome visit : visits) {
			ActionCategory category = categoryByRequest.get(visit.requestId());
			boolean rated = visit.status() == AssignmentStatus.COMPLETED && visit.feedback() != null;
			if (category == null || !rated && visit.status() != AssignmentStatus.NO_SHOW) {
				continue;
			}
			Map<ActionCategory, TrackRecord> records = byExpert.computeIfAbsent(visit.expertId(),
					id -> new EnumMap<>(ActionCategory.class));
			TrackRecord before = records.getOrDefault(category, TrackRecord.NONE);
			records.put(category, rated ? before.withRatedVisit(visit.feedback().outcome(), visit.feedback().rating())
					: before.withNoShow());
		}
		return new TrackRecords(byExpert);
	}

	public Map<ActionCategory, TrackRecord> ofExpert(String expertId) {
		return byExpert.getOrDefault(expertId, Map.of());
	}

	public TrackRecord of(String expertId, ActionCategory category) {
		return ofExpert(expertId).getOrDefault(category, TrackRecord.NONE);
	}

}
