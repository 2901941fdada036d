package cn.talentexchange.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.pairing.Pairing;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report's figures recounted from the stored documents, written independently of the report's code: the
 * tests compare the two.
 */
final class FigureRecount {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private FigureRecount() {
	}

	/** Fails unless the report's figures of one county over the dates agree with a recount of the documents. */
	static void check(ReactiveMongoTemplate mongo, String countyId, Map<String, Object> figures, LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(SHANGHAI).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
		List<DemandRequest> opened = mongo.find(Query.query(Criteria.where("countyId").is(countyId)), DemandRequest.class)
			.filter(request -> request.openedAt() != null && !request.openedAt().isBefore(start) && request.openedAt().isBefore(end))
			.collectList().block();
		List<Assignment> all = mongo.findAll(Assignment.class).collectList().block();

		int positions = 0;
		int filled = 0;
		List<Double> hoursToYes = new ArrayList<>();
		for (DemandRequest request : opened) {
			if (request.status() == RequestStatus.CANCELLED) {
				continue;
			}
			positions += request.seats().stream().mapToInt(Seat::count).sum();
			Set<String> taken = new HashSet<>();
			Instant firstYes = null;
			for (Assignment assignment : all) {
				if (!assignment.requestId().equals(request.id())) {
					continue;
				}
				if (Set.of(AssignmentStatus.ACCEPTED, AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED,
						AssignmentStatus.NO_SHOW).contains(assignment.status())) {
					taken.add(assignment.seat() + "/" + assignment.position());
				}
				for (Assignment.Transition change : assignment.history()) {
					if (change.to() == AssignmentStatus.ACCEPTED && (firstYes == null || change.at().isBefore(firstYes))) {
						firstYes = change.at();
					}
				}
			}
			filled += taken.size();
			if (firstYes != null) {
				hoursToYes.add(Duration.between(request.openedAt(), firstYes).getSeconds() / 3600.0);
			}
		}
		assertThat(intAt(figures, "demand", "requestsPosted")).isEqualTo(opened.size());
		assertThat(intAt(figures, "demand", "seats", "positions")).isEqualTo(positions);
		assertThat(intAt(figures, "demand", "seats", "filled")).isEqualTo(filled);
		hoursToYes.sort(Double::compare);
		double median = hoursToYes.size() % 2 == 1 ? hoursToYes.get(hoursToYes.size() / 2)
				: (hoursToYes.get(hoursToYes.size() / 2 - 1) + hoursToYes.get(hoursToYes.size() / 2)) / 2;
		assertThat(numberAt(figures, "demand", "medianHoursToFirstAcceptance")).isCloseTo(median, within(0.051));

		List<Assignment> visits = all.stream()
			.filter(assignment -> assignment.countyId().equals(countyId) && !assignment.date().isBefore(from)
					&& !assignment.date().isAfter(to))
			.toList();
		long declined = visits.stream().filter(visit -> visit.status() == AssignmentStatus.DECLINED).count();
		long tooFar = visits.stream()
			.filter(visit -> visit.status() == AssignmentStatus.DECLINED && "TOO_FAR".equals(visit.history().get(0).reason()))
			.count();
		long noShows = visits.stream().filter(visit -> visit.status() == AssignmentStatus.NO_SHOW).count();
		List<Assignment> completed = visits.stream().filter(visit -> visit.status() == AssignmentStatus.COMPLETED).toList();
		List<Assignment> rated = completed.stream().filter(visit -> visit.feedback() != null).toList();
		assertThat(intAt(figures, "visits", "offers")).isEqualTo(visits.size());
		assertThat(intAt(figures, "visits", "declined")).isEqualTo(declined);
		assertThat(intAt(figures, "visits", "declinesByReason", "TOO_FAR")).isEqualTo(tooFar);
		assertThat(numberAt(figures, "visits", "declineRate")).isCloseTo((double) declined / visits.size(), within(0.00005));
		assertThat(intAt(figures, "visits", "noShows")).isEqualTo(noShows);
		assertThat(intAt(figures, "visits", "completed")).isEqualTo(completed.size());
		assertThat(intAt(figures, "visits", "expertDays"))
			.isEqualTo(completed.stream().mapToInt(visit -> visit.wholeWeekend() ? 2 : 1).sum());
		assertThat(numberAt(figures, "visits", "hours")).isEqualTo(completed.stream().mapToDouble(Assignment::hours).sum());
		assertThat(intAt(figures, "outcomes", "rated")).isEqualTo(rated.size());
		assertThat(intAt(figures, "outcomes", "solved"))
			.isEqualTo(rated.stream().filter(visit -> visit.feedback().outcome() == Assignment.Outcome.SOLVED).count());
		assertThat(numberAt(figures, "outcomes", "averageRating"))
			.isCloseTo(rated.stream().mapToInt(visit -> visit.feedback().rating()).average().orElseThrow(), within(0.0051));

		Pairing pairing = mongo.findOne(Query.query(Criteria.where("countyId").is(countyId)), Pairing.class).block();
		Map<String, Double> load = new HashMap<>();
		all.stream()
			.filter(assignment -> !assignment.date().isBefore(from) && !assignment.date().isAfter(to)
					&& Set.of(AssignmentStatus.ACCEPTED, AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED)
						.contains(assignment.status()))
			.forEach(assignment -> load.merge(assignment.expertId(), assignment.wholeWeekend() ? 2.0 : 1.0, Double::sum));
		// Today's usable experts of the pairing's park and district, and any of theirs who gave days, active or not.
		List<Expert> pool = mongo.find(Query.query(Criteria.where("organisationId").in(pairing.parkId(), pairing.districtId())),
				Expert.class)
			.filter(expert -> expert.status() == ExpertStatus.ACTIVE && expert.contactConsent() || load.containsKey(expert.id()))
			.collectList().block();
		double[] loads = pool.stream().mapToDouble(expert -> load.getOrDefault(expert.id(), 0.0)).sorted().toArray();
		double sumOfDifferences = 0;
		for (double a : loads) {
			for (double b : loads) {
				sumOfDifferences += Math.abs(a - b);
			}
		}
		double gini = sumOfDifferences / (2.0 * loads.length * loads.length * Arrays.stream(loads).average().orElseThrow());
		assertThat(intAt(figures, "fairness", "expertsInPool")).isEqualTo(pool.size());
		assertThat(numberAt(figures, "fairness", "expertLoadGini")).isCloseTo(gini, within(0.00006));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static Object at(Map<String, Object> root, String... path) {
		Object value = root;
		for (String key : path) {
			value = map(value).get(key);
		}
		return value;
	}

	static int intAt(Map<String, Object> root, String... path) {
		return ((Number) at(root, path)).intValue();
	}

	static double numberAt(Map<String, Object> root, String... path) {
		return ((Number) at(root, path)).doubleValue();
	}

}
