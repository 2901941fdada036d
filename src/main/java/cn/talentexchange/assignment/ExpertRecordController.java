package cn.talentexchange.assignment;

import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.talentexchange.expert.Experts;
import cn.talentexchange.security.Caller;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An expert's own record for their phone: what they gave, where, and how the counties rated it. */
@RestController
class ExpertRecordController {

	private final ReactiveMongoTemplate mongo;

	private final Experts experts;

	ExpertRecordController(ReactiveMongoTemplate mongo, Experts experts) {
		this.mongo = mongo;
		this.experts = experts;
	}

	@GetMapping("/api/v1/experts/me/record")
	Mono<ExpertRecord> record(Caller caller) {
		return experts.idOf(caller)
			.flatMap(expertId -> mongo.find(Query.query(Criteria.where("expertId").is(expertId)
				.and("status").in(AssignmentStatus.COMPLETED, AssignmentStatus.NO_SHOW)), Assignment.class).collectList())
			.map(ExpertRecord::of);
	}

	/**
	 * @param weekendsGiven distinct weekends with a completed visit
	 * @param countiesHelped completed visits per county, by county id
	 * @param ratings the counties' ratings of the completed visits that were rated
	 */
	record ExpertRecord(int visitsCompleted, int weekendsGiven, double hours, Map<String, Integer> countiesHelped,
			Ratings ratings, int noShows) {

		static ExpertRecord of(List<Assignment> assignments) {
			Set<Object> weekends = new HashSet<>();
			Map<String, Integer> counties = new TreeMap<>();
			Map<Assignment.Outcome, Integer> outcomes = new EnumMap<>(Assignment.Outcome.class);
			for (Assignment.Outcome outcome : Assignment.Outcome.values()) {
				outcomes.put(outcome, 0);
			}
			List<Integer> ratings = new ArrayList<>();
			double hours = 0;
			int completed = 0;
			int noShows = 0;
			for (Assignment assignment : assignments) {
				if (assignment.status() == AssignmentStatus.NO_SHOW) {
					noShows++;
					continue;
				}
				completed++;
				weekends.add(assignment.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY)));
				counties.merge(assignment.countyId(), 1, Integer::sum);
				hours += assignment.hours() == null ? 0 : assignment.hours();
				if (assignment.feedback() != null) {
					ratings.add(assignment.feedback().rating());
					outcomes.merge(assignment.feedback().outcome(), 1, Integer::sum);
				}
			}
			Double average = ratings.isEmpty() ? null
					: Math.round(ratings.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0;
			return new ExpertRecord(completed, weekends.size(), hours, counties, new Ratings(ratings.size(), average, outcomes),
					noShows);
		}

	}

	/** How many visits were rated, their average (null when none was), and how many solved the problem. */
	record Ratings(int count, Double average, Map<Assignment.Outcome, Integer> outcomes) {
	}

}
