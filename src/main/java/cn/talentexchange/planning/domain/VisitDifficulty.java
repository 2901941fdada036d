package cn.talentexchange.planning.domain;

import java.util.Comparator;

/** Harder visits first: higher priority, then more seats to fill on fewer possible dates. */
public class VisitDifficulty implements Comparator<Visit> {

	private static final Comparator<Visit> ORDER = Comparator.comparingInt(Visit::getPriorityWeight)
		.thenComparingInt(visit -> visit.getSlots().size())
		.thenComparing(Comparator.comparingInt((Visit visit) -> visit.getAcceptableDates().size()).reversed())
		.thenComparing(Visit::getRequestId);

	@Override
	public int compare(Visit a, Visit b) {
		return ORDER.compare(a, b);
	}

}
