package cn.talentexchange.planning.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** One county request's visit: the planner picks which of its acceptable dates it happens on. */
@PlanningEntity(difficultyComparatorClass = VisitDifficulty.class)
public class Visit {

	@PlanningId
	private String requestId;

	private String countyId;

	private ActionCategory category;

	private boolean wholeWeekend;

	private int priorityWeight;

	private GeoPoint site;

	private List<LocalDate> acceptableDates;

	/** The district and park paired with the county: their experts are the county's own. */
	private Set<String> pairedOrganisationIds;

	/** Experts who came to the earlier request this one follows up. */
	private Set<String> earlierExpertIds;

	private Set<String> excludedOrganisationIds;

	private Set<String> excludedExpertIds;

	private List<SeatSlot> slots = new ArrayList<>();

	@PlanningVariable(valueRangeProviderRefs = "acceptableDates")
	private LocalDate date;

	/** A visit with an accepted expert keeps its date. */
	@PlanningPin
	private boolean pinned;

	Visit() {
		// for the solver's cloning
	}

	public Visit(String requestId, String countyId, ActionCategory category, boolean wholeWeekend, int priorityWeight,
			GeoPoint site, List<LocalDate> acceptableDates, Set<String> pairedOrganisationIds,
			Set<String> earlierExpertIds, Set<String> excludedOrganisationIds, Set<String> excludedExpertIds) {
		this.requestId = requestId;
		this.countyId = countyId;
		this.category = category;
		this.wholeWeekend = wholeWeekend;
		this.priorityWeight = priorityWeight;
		this.site = site;
		this.acceptableDates = List.copyOf(acceptableDates);
		this.pairedOrganisationIds = Set.copyOf(pairedOrganisationIds);
		this.earlierExpertIds = Set.copyOf(earlierExpertIds);
		this.excludedOrganisationIds = Set.copyOf(excludedOrganisationIds);
		this.excludedExpertIds = Set.copyOf(excludedExpertIds);
	}

	@ValueRangeProvider(id = "acceptableDates")
	public List<LocalDate> getAcceptableDates() {
		return acceptableDates;
	}

	/** The days the visit occupies: the date, and the Sunday after for a whole-weekend visit. */
	public static boolean overlaps(LocalDate date, boolean wholeWeekend, LocalDate otherDate, boolean otherWholeWeekend) {
		LocalDate end = wholeWeekend ? date.plusDays(1) : date;
		LocalDate otherEnd = otherWholeWeekend ? otherDate.plusDays(1) : otherDate;
		return !date.isAfter(otherEnd) && !otherDate.isAfter(end);
	}

	/** The Saturday of the weekend a date falls in: weekends are counted by their Saturday. */
	public static LocalDate saturdayOf(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.minusDays(1) : date;
	}

	public void pinTo(LocalDate fixedDate) {
		this.date = fixedDate;
		this.pinned = true;
	}

	public String getRequestId() {
		return requestId;
	}

	public String getCountyId() {
		return countyId;
	}

	public ActionCategory getCategory() {
		return category;
	}

	public boolean isWholeWeekend() {
		return wholeWeekend;
	}

	public int getPriorityWeight() {
		return priorityWeight;
	}

	public GeoPoint getSite() {
		return site;
	}

	public Set<String> getPairedOrganisationIds() {
		return pairedOrganisationIds;
	}

	public Set<String> getEarlierExpertIds() {
		return earlierExpertIds;
	}

	public Set<String> getExcludedOrganisationIds() {
		return excludedOrganisationIds;
	}

	public Set<String> getExcludedExpertIds() {
		return excludedExpertIds;
	}

	public List<SeatSlot> getSlots() {
		return slots;
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
		return requestId + "@" + date;
	}

}
