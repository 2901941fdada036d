package cn.talentexchange.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.DeclineReason;
import cn.talentexchange.assignment.VisitFacts.VisitFact;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;

/** Adds up one scope's figures as its requests and visits are fed in. */
final class FigureTally {

	private int posted;

	private int cancelled;

	private final Map<Priority, Integer> positions = new EnumMap<>(Priority.class);

	private final Map<Priority, Integer> filled = new EnumMap<>(Priority.class);

	private final List<Double> hoursToAcceptance = new ArrayList<>();

	private int offers;

	private int accepted;

	private int declined;

	private final Map<DeclineReason, Integer> declinesByReason = new EnumMap<>(DeclineReason.class);

	private int expired;

	private int completed;

	private int noShows;

	private int expertDays;

	private double hours;

	private int rated;

	private int ratingSum;

	private final Map<Assignment.Outcome, Integer> outcomes = new EnumMap<>(Assignment.Outcome.class);

	FigureTally() {
		for (Priority priority : Priority.values()) {
			positions.put(priority, 0);
			filled.put(priority, 0);
		}
		for (DeclineReason reason : DeclineReason.values()) {
			declinesByReason.put(reason, 0);
		}
		for (Assignment.Outcome outcome : Assignment.Outcome.values()) {
			outcomes.put(outcome, 0);
		}
	}

	/** A request opened in the period, with every assignment ever made on it. */
	void addRequest(DemandRequest request, Collection<VisitFact> facts) {
		posted++;
		if (request.status() == RequestStatus.CANCELLED) {
			cancelled++;
			return;
		}
		Set<String> filledPositions = new HashSet<>();
		Instant firstYes = null;
		for (VisitFact fact : facts) {
			if (AssignmentStatus.FILLED.contains(fact.status())) {
				filledPositions.add(fact.seat() + ":" + fact.position());
			}
			if (fact.accepted() != null && (firstYes == null || fact.accepted().at().isBefore(firstYes))) {
				firstYes = fact.accepted().at();
			}
		}
		positions.merge(request.priority(), request.seatPositions(), Integer::sum);
		filled.merge(request.priority(), filledPositions.size(), Integer::sum);
		if (firstYes != null) {
			hoursToAcceptance.add(Duration.between(request.openedAt(), firstYes).toSeconds() / 3600.0);
		}
	}

	/** An assignment whose visit date is in the period. */
	void addVisit(VisitFact fact) {
		offers++;
		if (fact.accepted() != null) {
			accepted++;
		}
		switch (fact.status()) {
			case DECLINED -> {
				declined++;
				declinesByReason.merge(fact.declineReason(), 1, Integer::sum);
			}
			case EXPIRED -> expired++;
			case NO_SHOW -> noShows++;
			case COMPLETED -> {
				completed++;
				expertDays += fact.days();
				hours += fact.hours() == null ? 0 : fact.hours();
				if (fact.feedback() != null) {
					rated++;
					ratingSum += fact.feedback().rating();
					outcomes.merge(fact.feedback().outcome(), 1, Integer::sum);
				}
			}
			default -> {
			}
		}
	}

	Figures figures(Figures.Fairness fairness, Figures.CadreMonths secondments) {
		Map<Priority, Figures.Seats> byPriority = new EnumMap<>(Priority.class);
		positions.forEach((priority, count) -> byPriority.put(priority, Figures.Seats.of(count, filled.get(priority))));
		int allPositions = positions.values().stream().mapToInt(Integer::intValue).sum();
		int allFilled = filled.values().stream().mapToInt(Integer::intValue).sum();
		Map<DeclineReason, Double> declineRates = new EnumMap<>(DeclineReason.class);
		declinesByReason.forEach((reason, count) -> declineRates.put(reason,
				Statistics.round(Statistics.ratio(count, offers), 4)));
		Figures.Demand demand = new Figures.Demand(posted, cancelled, Figures.Seats.of(allPositions, allFilled), byPriority,
				Statistics.round(Statistics.median(hoursToAcceptance), 1), hoursToAcceptance.size());
		Figures.Visits visits = new Figures.Visits(offers, accepted, declined,
				Statistics.round(Statistics.ratio(declined, offers), 4), declinesByReason, declineRates, expired, completed,
				noShows,
				Statistics.round(Statistics.ratio(noShows, completed + noShows), 4), expertDays,
				Statistics.round(hours, 2));
		Figures.Outcomes rating = new Figures.Outcomes(rated, outcomes.get(Assignment.Outcome.SOLVED),
				outcomes.get(Assignment.Outcome.PARTLY_SOLVED), outcomes.get(Assignment.Outcome.NOT_SOLVED),
				Statistics.round(Statistics.ratio(ratingSum, rated), 2));
		return new Figures(demand, visits, rating, fairness, secondments);
	}

}
