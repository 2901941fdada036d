package cn.talentexchange.planning.domain;

import java.util.Comparator;

/** Harder slots first: higher priority, then fewer people who could take them. */
public class SeatSlotDifficulty implements Comparator<SeatSlot> {

	private static final Comparator<SeatSlot> ORDER = Comparator
		.comparingInt((SeatSlot slot) -> slot.getVisit().getPriorityWeight())
		.thenComparing(Comparator.comparingInt((SeatSlot slot) -> slot.getCandidates().size()).reversed())
		.thenComparing(SeatSlot::getId);

	@Override
	public int compare(SeatSlot a, SeatSlot b) {
		return ORDER.compare(a, b);
	}

}
