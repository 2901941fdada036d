package cn.talentexchange.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Assignments trimmed to what the cadence reports read. An aggregation filters them and cuts each down to a
 * dozen fields and its short history, so a year of visits crosses the wire as small documents; the first
 * acceptance and the last give-back are picked out of the history here, because the embedded server's
 * {@code $filter} made a year's report three times slower when it ran there. The sums, medians and spreads
 * are the report's to take.
 */
@Component
public class VisitFacts {

	private final ReactiveMongoTemplate mongo;

	VisitFacts(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Every assignment whose visit falls between the dates (inclusive), in any status. */
	public Flux<VisitFact> visitsBetween(LocalDate from, LocalDate to) {
		return facts(Criteria.where("date").gte(from).lte(to));
	}

	/**
	 * Completed visits the county rated, and no-shows: what the planner learns each expert's track record from.
	 * Only the five fields it reads cross the wire.
	 */
	public Flux<VisitOutcome> outcomes() {
		Query query = Query.query(new Criteria().orOperator(
				Criteria.where("status").is(AssignmentStatus.COMPLETED).and("feedback").ne(null),
				Criteria.where("status").is(AssignmentStatus.NO_SHOW)));
		query.fields().include("expertId", "requestId", "status", "feedback.rating", "feedback.outcome");
		return mongo.find(query, Document.class, "assignments")
			.map(visit -> new VisitOutcome(visit.getString("expertId"), visit.getString("requestId"),
					AssignmentStatus.valueOf(visit.getString("status")), rating(visit)));
	}

	/** The no-shows of visits between the dates (inclusive). */
	public Flux<VisitFact> noShowsBetween(LocalDate from, LocalDate to) {
		return facts(Criteria.where("date").gte(from).lte(to).and("status").is(AssignmentStatus.NO_SHOW));
	}

	/**
	 * In one pass: the assignments whose visit falls between the dates (inclusive), and those offered from
	 * {@code offeredFrom} (inclusive) to {@code offeredTo} (exclusive).
	 */
	public Flux<VisitFact> visitsBetweenOrOfferedBetween(LocalDate from, LocalDate to, Instant offeredFrom,
			Instant offeredTo) {
		return facts(new Criteria().orOperator(Criteria.where("date").gte(from).lte(to),
				Criteria.where("createdAt").gte(offeredFrom).lt(offeredTo)));
	}

	/** Offers declined between the instants, whenever their visit is. */
	public Flux<VisitFact> declinedBetween(Instant from, Instant to) {
		return facts(Criteria.where("status").is(AssignmentStatus.DECLINED)
			.and("history").elemMatch(Criteria.where("to").is(AssignmentStatus.DECLINED).and("at").gte(from).lt(to)));
	}

	private Flux<VisitFact> facts(Criteria filter) {
		Document trimmed = new Document("requestId", 1).append("countyId", 1)
			.append("expertId", 1)
			.append("seat", 1)
			.append("position", 1)
			.append("status", 1)
			.append("date", 1)
			.append("wholeWeekend", 1)
			.append("hours", 1)
			.append("offerDeadline", 1)
			.append("createdAt", 1)
			.append("feedback.rating", 1)
			.append("feedback.outcome", 1)
			.append("history", 1);
		AggregationOperation project = context -> new Document("$project", trimmed);
		return mongo.aggregate(Aggregation.newAggregation(Assignment.class, Aggregation.match(filter), project),
				"assignments", Document.class)
			.map(VisitFacts::read);
	}

	/** Read by hand: the mapping layer's reflection costs more than the query on a year of visits. */
	private static VisitFact read(Document trimmed) {
		List<Assignment.Transition> history = trimmed.getList("history", Document.class, List.of())
			.stream()
			.map(VisitFacts::transition)
			.toList();
		return new VisitFact(trimmed.getString("_id"), trimmed.getString("requestId"), trimmed.getString("countyId"),
				trimmed.getString("expertId"), trimmed.getInteger("seat", 0), trimmed.getInteger("position", 0),
				AssignmentStatus.valueOf(trimmed.getString("status")),
				LocalDate.parse(trimmed.getString("date")), trimmed.getBoolean("wholeWeekend", false),
				trimmed.get("hours") == null ? null : ((Number) trimmed.get("hours")).doubleValue(),
				instant(trimmed, "offerDeadline"), instant(trimmed, "createdAt"),
				rating(trimmed),
				first(history, AssignmentStatus.ACCEPTED), first(history, AssignmentStatus.DECLINED),
				lastGivenBack(history));
	}

	private static Assignment.Transition first(List<Assignment.Transition> history, AssignmentStatus to) {
		return history.stream().filter(change -> change.to() == to).findFirst().orElse(null);
	}

	private static Assignment.Transition lastGivenBack(List<Assignment.Transition> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (AssignmentStatus.GIVEN_BACK.contains(history.get(i).to())) {
				return history.get(i);
			}
		}
		return null;
	}

	private static Rating rating(Document visit) {
		Document feedback = visit.get("feedback", Document.class);
		return feedback == null || feedback.get("rating") == null ? null
				: new Rating(feedback.getInteger("rating"), Assignment.Outcome.valueOf(feedback.getString("outcome")));
	}

	private static Assignment.Transition transition(Document change) {
		return new Assignment.Transition(AssignmentStatus.valueOf(change.getString("to")),
				instant(change, "at"), change.getString("by"), change.getString("reason"), change.getString("note"));
	}

	private static Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

	/** The county's judgement of a completed visit, as the reports count it. */
	public record Rating(int rating, Assignment.Outcome outcome) {
	}

	/** A rated visit or a no-show: who, on which request, and how it went. */
	public record VisitOutcome(String expertId, String requestId, AssignmentStatus status, Rating feedback) {
	}

	/**
	 * One assignment as the reports see it.
	 *
	 * @param accepted the first time the expert said yes, if ever
	 * @param declined the decline and its reason, if it was declined
	 * @param givenBack the last time the seat was given back (declined, expired or cancelled)
	 */
	public record VisitFact(String id, String requestId, String countyId, String expertId, int seat, int position,
			AssignmentStatus status, LocalDate date, boolean wholeWeekend, Double hours, Instant offerDeadline,
			Instant createdAt, Rating feedback, Assignment.Transition accepted,
			Assignment.Transition declined, Assignment.Transition givenBack) {

		/** Days of the expert's time: the Saturday, and the Sunday too for a whole weekend. */
		public int days() {
			return wholeWeekend ? 2 : 1;
		}

		/** Null unless declined; a decline stored without a known reason counts as OTHER. */
		public DeclineReason declineReason() {
			if (declined == null) {
				return null;
			}
			for (DeclineReason reason : DeclineReason.values()) {
				if (reason.name().equals(declined.reason())) {
					return reason;
				}
			}
			return DeclineReason.OTHER;
		}

	}

}
