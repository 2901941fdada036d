package cn.talentexchange.planning.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;
import org.optaplanner.core.api.domain.variable.ShadowVariable;

/**
 * One position of one seat of a request (a seat asking for two experts has two slots). The planner
 * picks an expert or leaves it empty; its date follows the visit through a shadow variable, so every
 * rule that reads the date sees the visit move.
 */
@PlanningEntity(difficultyComparatorClass = SeatSlotDifficulty.class)
public class SeatSlot {

	@PlanningId
	private String id;

	private Visit visit;

	private int seat;

	private String skill;

	private int minLevel;

	/** Who holds this position in the offers already out, if anyone; moving them has a cost. */
	private String previousExpertId;

	/** The experts that could hold the position at all: skill, level, no conflict, no earlier decline. */
	private List<PlannedExpert> candidates;

	@PlanningVariable(valueRangeProviderRefs = "candidates", nullable = true)
	private PlannedExpert expert;

	@ShadowVariable(variableListenerClass = VisitDateListener.class, sourceEntityClass = Visit.class,
			sourceVariableName = "date")
	private LocalDate date;

	/** An accepted expert stays. */
	@PlanningPin
	private boolean pinned;

	SeatSlot() {
		// for the solver's cloning
	}

	public SeatSlot(String id, Visit visit, int seat, String skill, int minLevel, String previousExpertId,
			List<PlannedExpert> candidates) {
		this.id = id;
		this.visit = visit;
		this.seat = seat;
		this.skill = skill;
		this.minLevel = minLevel;
		this.previousExpertId = previousExpertId;
		this.candidates = List.copyOf(candidates);
		this.date = visit.getDate();
		visit.getSlots().add(this);
	}

	@ValueRangeProvider(id = "candidates")
	public List<PlannedExpert> getCandidates() {
		return candidates;
	}

	public boolean occupiesSameDaysAs(SeatSlot other) {
		return date != null && other.date != null
				&& Visit.overlaps(date, visit.isWholeWeekend(), other.date, other.visit.isWholeWeekend());
	}

	public int travelMinutes() {
		return Travel.minutes(expert.getHome(), visit.getSite());
	}

	/** The Saturday of the weekend the visit falls in. */
	public LocalDate weekend() {
		return Visit.saturdayOf(date);
	}

	public YearMonth month() {
		return YearMonth.from(weekend());
	}

	public void assign(PlannedExpert assigned, boolean accepted) {
		this.expert = assigned;
		this.pinned = accepted;
	}

	public String getId() {
		return id;
	}

	public Visit getVisit() {
		return visit;
	}

	public int getSeat() {
		return seat;
	}

	public String getSkill() {
		return skill;
	}

	public int getMinLevel() {
		return minLevel;
	}

	public String getPreviousExpertId() {
		return previousExpertId;
	}

	public PlannedExpert getExpert() {
		return expert;
	}

	public void setExpert(PlannedExpert expert) {
		this.expert = expert;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public boolean isPinned() {
		return pinned;
	}

	@Override
	public String toString() {
		return id + "=" + expert;
	}

}
