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
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Assignments trimmed to what the cadence reports read. The database filters them and cuts each down to a
 * dozen fields, the first acceptance and the decline picked out of its history, so a year of visits crosses
 * the wire as small documents; the sums, medians and spreads are the report's to take.
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
	 * In one pass: the assignments whose visit falls between the dates (inclusive), and those offered since the
	 * instant, which include every offer on a request opened since then.
	 */
	public Flux<VisitFact> visitsBetweenOrOfferedSince(LocalDate from, LocalDate to, Instant offeredSince) {
		return facts(new Criteria().orOperator(Criteria.where("date").gte(from).lte(to),
				Criteria.where("createdAt").gte(offeredSince)));
	}

	/** Offers declined between the instants, whenever their visit is. */
	public Flux<VisitFact> declinedBetween(Instant from, Instant to) {
		return facts(Criteria.where("status").is(AssignmentStatus.DECLINED)
			.and("history").elemMatch(Criteria.where("to").is(AssignmentStatus.DECLINED).and("at").gte(from).lt(to)))
			.filter(fact -> !fact.declined().at().isBefore(from) && fact.declined().at().isBefore(to));
	}

	private Flux<VisitFact> facts(Criteria filter) {
		Document trimmed = new Document("requestId", 1).append("countyId", 1)
			.append("expertId", 1)
			.append("seat", 1)
			.append("position", 1)
			.append("skill", 1)
			.append("status", 1)
			.append("date", 1)
			.append("wholeWeekend", 1)
			.append("hours", 1)
			.append("offerDeadline", 1)
			.append("createdAt", 1)
			.append("feedback", 1)
			.append("accepted", firstTransitionTo(AssignmentStatus.ACCEPTED))
			.append("declined", firstTransitionTo(AssignmentStatus.DECLINED))
			.append("givenBack", lastTransitionTo(List.of(AssignmentStatus.DECLINED, AssignmentStatus.EXPIRED,
					AssignmentStatus.CANCELLED)));
		AggregationOperation project = context -> new Document("$project", trimmed);
		return mongo.aggregate(Aggregation.newAggregation(Assignment.class, Aggregation.match(filter), project),
				"assignments", Document.class)
			.map(VisitFacts::read);
	}

	/** Read by hand: the mapping layer's reflection costs more than the query on a year of visits. */
	private static VisitFact read(Document trimmed) {
		Document feedback = trimmed.get("feedback", Document.class);
		return new VisitFact(trimmed.getString("_id"), trimmed.getString("requestId"), trimmed.getString("countyId"),
				trimmed.getString("expertId"), trimmed.getInteger("seat", 0), trimmed.getInteger("position", 0),
				trimmed.getString("skill"), AssignmentStatus.valueOf(trimmed.getString("status")),
				LocalDate.parse(trimmed.getString("date")), trimmed.getBoolean("wholeWeekend", false),
				trimmed.get("hours") == null ? null : ((Number) trimmed.get("hours")).doubleValue(),
				instant(trimmed, "offerDeadline"), instant(trimmed, "createdAt"),
				feedback == null ? null : new Assignment.Feedback(feedback.getInteger("rating"),
						Assignment.Outcome.valueOf(feedback.getString("outcome")), feedback.getString("comment"),
						feedback.getString("by"), instant(feedback, "at")),
				transition(trimmed, "accepted"), transition(trimmed, "declined"), transition(trimmed, "givenBack"));
	}

	private static Assignment.Transition transition(Document trimmed, String field) {
		Document change = trimmed.get(field, Document.class);
		return change == null ? null : new Assignment.Transition(AssignmentStatus.valueOf(change.getString("to")),
				instant(change, "at"), change.getString("by"), change.getString("reason"), change.getString("note"));
	}

	private static Instant instant(Document document, String field) {
		Date date = document.getDate(field);
		return date == null ? null : date.toInstant();
	}

	private static Document firstTransitionTo(AssignmentStatus status) {
		return new Document("$arrayElemAt", List.of(transitionsTo(List.of(status)), 0));
	}

	private static Document lastTransitionTo(List<AssignmentStatus> statuses) {
		return new Document("$arrayElemAt", List.of(transitionsTo(statuses), -1));
	}

	private static Document transitionsTo(List<AssignmentStatus> statuses) {
		return new Document("$filter", new Document("input", "$history").append("as", "change")
			.append("cond", new Document("$in", List.of("$$change.to", statuses.stream().map(Enum::name).toList()))));
	}

	/**
	 * One assignment as the reports see it.
	 *
	 * @param accepted the first time the expert said yes, if ever
	 * @param declined the decline and its reason, if it was declined
	 * @param givenBack the last time the seat was given back (declined, expired or cancelled)
	 */
	public record VisitFact(String id, String requestId, String countyId, String expertId, int seat, int position,
			String skill, AssignmentStatus status, LocalDate date, boolean wholeWeekend, Double hours,
			Instant offerDeadline, Instant createdAt, Assignment.Feedback feedback, Assignment.Transition accepted,
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
