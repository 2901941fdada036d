package cn.talentexchange.planning.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import org.optaplanner.core.api.domain.lookup.PlanningId;

/**
 * An expert as the weekend planner sees them. Equality is identity: the solver joins on experts
 * millions of times a second, and a value-based hash over maps would dominate the cost.
 */
public final class PlannedExpert {

	@PlanningId
	private final String id;

	private final String organisationId;

	private final GeoPoint home;

	private final Map<String, Integer> skillLevels;

	/** Days offered, less blackouts. */
	private final Set<LocalDate> offeredDates;

	/** Offered days already held by visits outside this plan (offered or accepted elsewhere). */
	private final Set<LocalDate> busyDates;

	private final Set<LocalDate> availableDates;

	private final int maxWeekendsPerMonth;

	private final int maxTravelMinutes;

	private final Set<String> preferredCountyIds;

	private final Set<ActionCategory> preferredCategories;

	private final Set<String> declinedRequestIds;

	/** Saturdays of weekends already given by visits outside this plan (offered or accepted elsewhere). */
	private final Set<LocalDate> saturdaysCommittedElsewhere;

	private final Map<ActionCategory, TrackRecord> trackRecords;

	public PlannedExpert(String id, String organisationId, GeoPoint home, Map<String, Integer> skillLevels,
			Set<LocalDate> offeredDates, Set<LocalDate> busyDates, int maxWeekendsPerMonth, int maxTravelMinutes, Set<String> preferredCountyIds,
			Set<ActionCategory> preferredCategories, Set<String> declinedRequestIds,
			Set<LocalDate> saturdaysCommittedElsewhere, Map<ActionCategory, TrackRecord> trackRecords) {
		this.id = id;
		this.organisationId = organisationId;
		this.home = home;
		this.skillLevels = Map.copyOf(skillLevels);
		this.offeredDates = Set.copyOf(offeredDates);
		this.busyDates = Set.copyOf(busyDates);
		Set<LocalDate> free = new HashSet<>(offeredDates);
		free.removeAll(busyDates);
		this.availableDates = Set.copyOf(free);
		this.maxWeekendsPerMonth = maxWeekendsPerMonth;
		this.maxTravelMinutes = maxTravelMinutes;
		this.preferredCountyIds = Set.copyOf(preferredCountyIds);
		this.preferredCategories = Set.copyOf(preferredCategories);
		this.declinedRequestIds = Set.copyOf(declinedRequestIds);
		this.saturdaysCommittedElsewhere = Set.copyOf(saturdaysCommittedElsewhere);
		this.trackRecords = Map.copyOf(trackRecords);
	}

	public String getId() {
		return id;
	}

	public String getOrganisationId() {
		return organisationId;
	}

	public GeoPoint getHome() {
		return home;
	}

	public int levelOf(String skill) {
		return skillLevels.getOrDefault(skill, 0);
	}

	public Map<String, Integer> getSkillLevels() {
		return skillLevels;
	}

	public boolean isAvailableOn(LocalDate date) {
		return availableDates.contains(date);
	}

	/** Whether the expert offered every day the visit would take on that date, and holds none of them elsewhere. */
	public boolean isFreeFor(Visit visit, LocalDate date) {
		return isAvailableOn(date) && (!visit.isWholeWeekend() || isAvailableOn(date.plusDays(1)));
	}

	/** Whether the expert offered every day the visit would take on that date, busy or not. */
	public boolean offered(Visit visit, LocalDate date) {
		return offeredDates.contains(date) && (!visit.isWholeWeekend() || offeredDates.contains(date.plusDays(1)));
	}

	/** Whether a visit outside this plan already holds a day the visit would take on that date. */
	public boolean isBusyElsewhere(Visit visit, LocalDate date) {
		return busyDates.contains(date) || visit.isWholeWeekend() && busyDates.contains(date.plusDays(1));
	}

	public Set<LocalDate> getAvailableDates() {
		return availableDates;
	}

	public int getMaxWeekendsPerMonth() {
		return maxWeekendsPerMonth;
	}

	public int getMaxTravelMinutes() {
		return maxTravelMinutes;
	}

	public Set<String> getPreferredCountyIds() {
		return preferredCountyIds;
	}

	public Set<ActionCategory> getPreferredCategories() {
		return preferredCategories;
	}

	public boolean hasDeclined(String requestId) {
		return declinedRequestIds.contains(requestId);
	}

	public Set<String> getDeclinedRequestIds() {
		return declinedRequestIds;
	}

	public int weekendsCommittedIn(YearMonth month) {
		return (int) saturdaysCommittedElsewhere.stream().filter(saturday -> YearMonth.from(saturday).equals(month)).count();
	}

	/** Weekends of the month given: these Saturdays of the plan together with those committed elsewhere. */
	public int weekendsGivenIn(YearMonth month, Set<LocalDate> plannedSaturdays) {
		return plannedSaturdays.size() + (int) saturdaysCommittedElsewhere.stream()
			.filter(saturday -> YearMonth.from(saturday).equals(month) && !plannedSaturdays.contains(saturday))
			.count();
	}

	public Set<LocalDate> getSaturdaysCommittedElsewhere() {
		return saturdaysCommittedElsewhere;
	}

	/** How the expert's earlier visits on this category of problem went; no history is {@link TrackRecord#NONE}. */
	public TrackRecord trackRecordOn(ActionCategory category) {
		return trackRecords.getOrDefault(category, TrackRecord.NONE);
	}

	@Override
	public String toString() {
		return id;
	}

}
