package cn.talentexchange.planning.constraints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.Travel;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One constraint at a time, on hand-built fixtures. The asserted numbers are match weights: the
 * configured weight in {@link WeekendWeights} is left out on purpose, so tuning a soft weight never
 * breaks these tests.
 */
class WeekendConstraintsTest {

	private static final LocalDate SATURDAY = LocalDate.of(2026, 5, 9);

	private static final LocalDate SUNDAY = SATURDAY.plusDays(1);

	private static final LocalDate NEXT_SATURDAY = SATURDAY.plusWeeks(1);

	private static final LocalDate LAST_SATURDAY_OF_MAY = LocalDate.of(2026, 5, 30);

	private static final LocalDate LAST_SUNDAY_OF_MAY = LocalDate.of(2026, 5, 31);

	private static final LocalDate FIRST_SATURDAY_OF_JUNE = LocalDate.of(2026, 6, 6);

	private static final GeoPoint HEPING = new GeoPoint(41.79, 123.40);

	private static final GeoPoint FAKU_SITE = new GeoPoint(42.50, 123.41);

	private static final GeoPoint FAKU_TOWN = new GeoPoint(42.51, 123.42);

	private static final String SOIL = "soil-testing";

	private final ConstraintVerifier<WeekendConstraints, WeekendPlan> constraintVerifier = ConstraintVerifier
		.build(new WeekendConstraints(), WeekendPlan.class, Visit.class, SeatSlot.class);

	private int slotCount;

	// Expert lacks the skill level

	@Test
	void expertBelowTheSeatsLevelLacksTheSkill() {
		PlannedExpert expert = expert("e1").skill(SOIL, 2).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::lacksSkill)
			.given(expert, visit, seat(visit, SOIL, 3, expert))
			.penalizesBy(1);
	}

	@Test
	void expertWithoutTheSkillAtAllLacksIt() {
		PlannedExpert expert = expert("e1").skill("e-commerce", 5).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::lacksSkill)
			.given(expert, visit, seat(visit, SOIL, 1, expert))
			.penalizesBy(1);
	}

	@Test
	void expertAtExactlyTheSeatsLevelHasTheSkill() {
		PlannedExpert expert = expert("e1").skill(SOIL, 3).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::lacksSkill)
			.given(expert, visit, seat(visit, SOIL, 3, expert))
			.penalizes(0);
	}

	// Expert not available that day

	@Test
	void expertNotFreeOnTheVisitDateIsUnavailable() {
		PlannedExpert expert = expert("e1").availableOn(SUNDAY).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::notAvailable)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void wholeWeekendVisitNeedsTheSundayToo() {
		PlannedExpert expert = expert("e1").availableOn(SATURDAY).build();
		Visit visit = visit("r1").wholeWeekend().on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::notAvailable)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void expertFreeOnBothDaysIsAvailableForAWholeWeekend() {
		PlannedExpert expert = expert("e1").availableOn(SATURDAY, SUNDAY).build();
		Visit visit = visit("r1").wholeWeekend().on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::notAvailable)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	@Test
	void oneDayVisitNeedsOnlyItsOwnDay() {
		PlannedExpert expert = expert("e1").availableOn(SATURDAY).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::notAvailable)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Expert in two places at once

	@Test
	void twoVisitsOnTheSameDayDoubleBookTheExpert() {
		PlannedExpert expert = expert("e1").build();
		Visit faku = visit("r1").on(SATURDAY);
		Visit kangping = visit("r2").county("kangping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::doubleBooked)
			.given(expert, faku, kangping, seat(faku, expert), seat(kangping, expert))
			.penalizesBy(1);
	}

	@Test
	void wholeWeekendVisitOverlapsASundayVisit() {
		PlannedExpert expert = expert("e1").build();
		Visit weekend = visit("r1").wholeWeekend().on(SATURDAY);
		Visit sunday = visit("r2").county("kangping").on(SUNDAY);

		constraintVerifier.verifyThat(WeekendConstraints::doubleBooked)
			.given(expert, weekend, sunday, seat(weekend, expert), seat(sunday, expert))
			.penalizesBy(1);
	}

	@Test
	void saturdayAndSundayOneDayVisitsDoNotOverlap() {
		PlannedExpert expert = expert("e1").build();
		Visit saturday = visit("r1").on(SATURDAY);
		Visit sunday = visit("r2").county("kangping").on(SUNDAY);

		constraintVerifier.verifyThat(WeekendConstraints::doubleBooked)
			.given(expert, saturday, sunday, seat(saturday, expert), seat(sunday, expert))
			.penalizes(0);
	}

	@Test
	void wholeWeekendVisitsOnSuccessiveWeekendsDoNotOverlap() {
		PlannedExpert expert = expert("e1").build();
		Visit first = visit("r1").wholeWeekend().on(SATURDAY);
		Visit second = visit("r2").wholeWeekend().on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::doubleBooked)
			.given(expert, first, second, seat(first, expert), seat(second, expert))
			.penalizes(0);
	}

	@Test
	void twoExpertsOnTheSameDayAreNotDoubleBooked() {
		PlannedExpert first = expert("e1").build();
		PlannedExpert second = expert("e2").build();
		Visit faku = visit("r1").on(SATURDAY);
		Visit kangping = visit("r2").county("kangping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::doubleBooked)
			.given(first, second, faku, kangping, seat(faku, first), seat(kangping, second))
			.penalizes(0);
	}

	// Expert twice on one visit

	@Test
	void sameExpertInTwoSeatsOfOneVisitIsThereTwice() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::twiceOnOneVisit)
			.given(expert, visit, seat(visit, expert), seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void sameExpertOnTwoVisitsIsNotTwiceOnOne() {
		PlannedExpert expert = expert("e1").build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::twiceOnOneVisit)
			.given(expert, first, second, seat(first, expert), seat(second, expert))
			.penalizes(0);
	}

	@Test
	void twoExpertsInTwoSeatsOfOneVisitAreDistinctPeople() {
		PlannedExpert first = expert("e1").build();
		PlannedExpert second = expert("e2").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::twiceOnOneVisit)
			.given(first, second, visit, seat(visit, first), seat(visit, second))
			.penalizes(0);
	}

	// Over the expert's weekends per month

	@Test
	void threeWeekendsInAMonthExceedACapOfTwo() {
		PlannedExpert expert = expert("e1").cap(2).build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);
		Visit third = visit("r3").on(LAST_SATURDAY_OF_MAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, first, second, third, seat(first, expert), seat(second, expert), seat(third, expert))
			.penalizesBy(1);
	}

	@Test
	void weekendsCommittedOutsideThePlanCountTowardsTheCap() {
		PlannedExpert expert = expert("e1").cap(2).committed(LAST_SATURDAY_OF_MAY).build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, first, second, seat(first, expert), seat(second, expert))
			.penalizesBy(1);
	}

	@Test
	void penaltyGrowsWithEachWeekendOverTheCap() {
		PlannedExpert expert = expert("e1").cap(1).committed(LAST_SATURDAY_OF_MAY, LAST_SATURDAY_OF_MAY.minusWeeks(1)).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(2);
	}

	@Test
	void weekendsCommittedInAnotherMonthDoNotCount() {
		PlannedExpert expert = expert("e1").cap(2).committed(FIRST_SATURDAY_OF_JUNE, FIRST_SATURDAY_OF_JUNE.plusWeeks(1)).build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, first, second, seat(first, expert), seat(second, expert))
			.penalizes(0);
	}

	@Test
	void twoVisitsOnOneWeekendCountAsOneWeekend() {
		PlannedExpert expert = expert("e1").cap(1).build();
		Visit saturday = visit("r1").on(SATURDAY);
		Visit sunday = visit("r2").on(SUNDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, saturday, sunday, seat(saturday, expert), seat(sunday, expert))
			.penalizes(0);
	}

	@Test
	void aWeekendGivenElsewhereAndPlannedAgainCountsOnce() {
		PlannedExpert expert = expert("e1").cap(1).committed(SATURDAY).build();
		Visit sunday = visit("r1").on(SUNDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, sunday, seat(sunday, expert))
			.penalizes(0);
	}

	@Test
	void sundayVisitCountsInTheMonthOfItsSaturday() {
		LocalDate februarySaturday = LocalDate.of(2026, 2, 28);
		PlannedExpert expert = expert("e1").cap(2).committed(februarySaturday.minusWeeks(1), februarySaturday.minusWeeks(2)).build();
		Visit marchSunday = visit("r1").on(februarySaturday.plusDays(1));

		constraintVerifier.verifyThat(WeekendConstraints::overMonthlyCap)
			.given(expert, marchSunday, seat(marchSunday, expert))
			.penalizesBy(1);
	}

	// Travel beyond the expert's limit

	@Test
	void travelLongerThanTheExpertsLimitIsTooFar() {
		int minutes = Travel.minutes(HEPING, FAKU_SITE);
		PlannedExpert expert = expert("e1").maxTravelMinutes(minutes - 1).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::tooFar)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void travelExactlyAtTheExpertsLimitIsAllowed() {
		int minutes = Travel.minutes(HEPING, FAKU_SITE);
		PlannedExpert expert = expert("e1").maxTravelMinutes(minutes).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::tooFar)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Expert declined this request before

	@Test
	void expertWhoDeclinedThisRequestIsNotAskedAgain() {
		PlannedExpert expert = expert("e1").declined("r1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::declinedBefore)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void declineOfAnotherRequestDoesNotCount() {
		PlannedExpert expert = expert("e1").declined("r2").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::declinedBefore)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Conflict of interest

	@Test
	void requestNamingTheExpertIsAConflict() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").excludingExperts("e1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::conflictOfInterest)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void requestNamingTheExpertsOrganisationIsAConflict() {
		PlannedExpert expert = expert("e1").organisation("heping").build();
		Visit visit = visit("r1").excludingOrganisations("heping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::conflictOfInterest)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void requestNamingSomeoneElseIsNoConflict() {
		PlannedExpert expert = expert("e1").organisation("heping").build();
		Visit visit = visit("r1").excludingExperts("e2").excludingOrganisations("tiexi").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::conflictOfInterest)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Unfilled seat

	@Test
	void eachEmptySeatCostsItsRequestsPriorityWeight() {
		PlannedExpert expert = expert("e1").build();
		Visit urgent = visit("r1").priority(4).on(SATURDAY);
		Visit minor = visit("r2").priority(1).on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::unfilledSeat)
			.given(expert, urgent, minor, seat(urgent, expert), emptySeat(urgent), emptySeat(urgent), emptySeat(minor))
			.penalizesBy(4 + 4 + 1);
	}

	@Test
	void filledSeatCostsNothing() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").priority(4).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::unfilledSeat)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Expert from outside the county's pairing

	@Test
	void expertFromAnUnpairedDistrictIsOutsideThePairing() {
		PlannedExpert expert = expert("e1").organisation("heping").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::outsidePairing)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void expertsFromThePairedDistrictAndParkAreTheCountysOwn() {
		PlannedExpert district = expert("e1").organisation("huanggu").build();
		PlannedExpert park = expert("e2").organisation("huishan-etdz").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::outsidePairing)
			.given(district, park, visit, seat(visit, district), seat(visit, park))
			.penalizes(0);
	}

	// Same expert returns for a follow-up

	@Test
	void expertReturningToAFollowUpIsRewarded() {
		PlannedExpert expert = expert("e1").build();
		Visit followUp = visit("r2").followingUpWith("e1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::continuity)
			.given(expert, followUp, seat(followUp, expert))
			.rewardsWith(1);
	}

	@Test
	void newcomerToAFollowUpEarnsNoContinuity() {
		PlannedExpert expert = expert("e1").build();
		Visit followUp = visit("r2").followingUpWith("e7").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::continuity)
			.given(expert, followUp, seat(followUp, expert))
			.rewards(0);
	}

	// Uneven load between experts

	@Test
	void loadIsTheSquareOfEachExpertsVisits() {
		PlannedExpert busy = expert("e1").build();
		PlannedExpert light = expert("e2").build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::expertLoad)
			.given(busy, light, first, second, seat(first, busy), seat(second, busy), seat(second, light))
			.penalizesBy(2 * 2 + 1 * 1);
	}

	@Test
	void twoSeatsOfOneVisitAreOneVisitOfLoad() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::expertLoad)
			.given(expert, visit, seat(visit, expert), seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void emptySeatsCarryNoLoad() {
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::expertLoad)
			.given(visit, emptySeat(visit), emptySeat(visit))
			.penalizes(0);
	}

	// Shortage piled on one county

	@Test
	void shortageIsSquaredPerCounty() {
		Visit fakuFirst = visit("r1").county("faku").on(SATURDAY);
		Visit fakuSecond = visit("r2").county("faku").on(NEXT_SATURDAY);
		Visit kangping = visit("r3").county("kangping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::countyShortage)
			.given(fakuFirst, fakuSecond, kangping, emptySeat(fakuFirst), emptySeat(fakuSecond), emptySeat(kangping))
			.penalizesBy(2 * 2 + 1 * 1);
	}

	@Test
	void fullyStaffedCountiesHaveNoShortage() {
		PlannedExpert first = expert("e1").build();
		PlannedExpert second = expert("e2").build();
		Visit faku = visit("r1").county("faku").on(SATURDAY);
		Visit kangping = visit("r2").county("kangping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::countyShortage)
			.given(first, second, faku, kangping, seat(faku, first), seat(kangping, second))
			.penalizes(0);
	}

	// Travel time

	@Test
	void travelCostsTheEstimatedMinutesOfEachSeat() {
		PlannedExpert fromTheCity = expert("e1").home(HEPING).build();
		PlannedExpert fromTheCounty = expert("e2").home(FAKU_TOWN).build();
		Visit visit = visit("r1").site(FAKU_SITE).on(SATURDAY);
		int cityMinutes = Travel.minutes(HEPING, FAKU_SITE);
		int countyMinutes = Travel.minutes(FAKU_TOWN, FAKU_SITE);
		assertThat(cityMinutes).as("the fixture's two trips differ").isGreaterThan(countyMinutes);

		constraintVerifier.verifyThat(WeekendConstraints::travelTime)
			.given(fromTheCity, fromTheCounty, visit, seat(visit, fromTheCity), seat(visit, fromTheCounty))
			.penalizesBy(cityMinutes + countyMinutes);
	}

	@Test
	void emptySeatCostsNoTravel() {
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::travelTime)
			.given(visit, emptySeat(visit))
			.penalizesBy(0);
	}

	// Over-qualified expert

	@Test
	void eachLevelAboveTheSeatsMinimumCounts() {
		PlannedExpert expert = expert("e1").skill(SOIL, 5).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overQualified)
			.given(expert, visit, seat(visit, SOIL, 3, expert))
			.penalizesBy(2);
	}

	@Test
	void expertAtTheSeatsMinimumIsNotOverQualified() {
		PlannedExpert expert = expert("e1").skill(SOIL, 3).build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::overQualified)
			.given(expert, visit, seat(visit, SOIL, 3, expert))
			.penalizes(0);
	}

	// Consecutive weekends for one expert

	@Test
	void backToBackWeekendsAcrossAMonthBoundaryAreConsecutive() {
		PlannedExpert expert = expert("e1").build();
		Visit may = visit("r1").on(LAST_SATURDAY_OF_MAY);
		Visit june = visit("r2").on(FIRST_SATURDAY_OF_JUNE);

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(expert, may, june, seat(may, expert), seat(june, expert))
			.penalizesBy(1);
	}

	@Test
	void sundayAndTheNextSaturdayAreOnConsecutiveWeekends() {
		PlannedExpert expert = expert("e1").build();
		Visit sunday = visit("r1").on(LAST_SUNDAY_OF_MAY);
		Visit saturday = visit("r2").on(FIRST_SATURDAY_OF_JUNE);

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(expert, sunday, saturday, seat(sunday, expert), seat(saturday, expert))
			.penalizesBy(1);
	}

	@Test
	void threeWeekendsInARowAreTwoConsecutivePairs() {
		PlannedExpert expert = expert("e1").build();
		Visit first = visit("r1").on(SATURDAY);
		Visit second = visit("r2").on(NEXT_SATURDAY);
		Visit third = visit("r3").on(NEXT_SATURDAY.plusWeeks(1));

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(expert, first, second, third, seat(first, expert), seat(second, expert), seat(third, expert))
			.penalizesBy(2);
	}

	@Test
	void twoVisitsOnOneWeekendMakeOnePairWithTheNextWeekend() {
		PlannedExpert expert = expert("e1").build();
		Visit saturday = visit("r1").on(SATURDAY);
		Visit sunday = visit("r2").on(SUNDAY);
		Visit next = visit("r3").on(NEXT_SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(expert, saturday, sunday, next, seat(saturday, expert), seat(sunday, expert), seat(next, expert))
			.penalizesBy(1);
	}

	@Test
	void weekendsWithAFreeWeekendBetweenAreNotConsecutive() {
		PlannedExpert expert = expert("e1").build();
		Visit first = visit("r1").on(NEXT_SATURDAY);
		Visit second = visit("r2").on(LAST_SATURDAY_OF_MAY);

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(expert, first, second, seat(first, expert), seat(second, expert))
			.penalizes(0);
	}

	@Test
	void differentExpertsOnSuccessiveWeekendsAreNotConsecutive() {
		PlannedExpert first = expert("e1").build();
		PlannedExpert second = expert("e2").build();
		Visit may = visit("r1").on(LAST_SATURDAY_OF_MAY);
		Visit june = visit("r2").on(FIRST_SATURDAY_OF_JUNE);

		constraintVerifier.verifyThat(WeekendConstraints::consecutiveWeekends)
			.given(first, second, may, june, seat(may, first), seat(june, second))
			.penalizes(0);
	}

	// Outside the expert's preferences

	@Test
	void missingBothTheCountyAndTheCategoryCountsTwice() {
		PlannedExpert expert = expert("e1").prefersCounties("kangping").prefersCategories(ActionCategory.PLANNING)
			.build();
		Visit visit = visit("r1").county("faku").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::preferences)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(2);
	}

	@Test
	void missingOnlyTheCategoryCountsOnce() {
		PlannedExpert expert = expert("e1").prefersCounties("faku").prefersCategories(ActionCategory.PLANNING).build();
		Visit visit = visit("r1").county("faku").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::preferences)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void missingOnlyTheCountyCountsOnce() {
		PlannedExpert expert = expert("e1").prefersCounties("kangping", "xinmin")
			.prefersCategories(ActionCategory.INDUSTRY)
			.build();
		Visit visit = visit("r1").county("faku").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::preferences)
			.given(expert, visit, seat(visit, expert))
			.penalizesBy(1);
	}

	@Test
	void visitMatchingBothPreferencesMissesNothing() {
		PlannedExpert expert = expert("e1").prefersCounties("faku").prefersCategories(ActionCategory.INDUSTRY).build();
		Visit visit = visit("r1").county("faku").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::preferences)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	@Test
	void expertWithoutPreferencesNeverMissesOne() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").county("faku").category(ActionCategory.ENCLAVE).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::preferences)
			.given(expert, visit, seat(visit, expert))
			.penalizes(0);
	}

	// Offered expert moved

	@Test
	void replacingTheOfferedExpertMovesThem() {
		PlannedExpert offered = expert("e1").build();
		PlannedExpert replacement = expert("e2").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::stability)
			.given(offered, replacement, visit, seat(visit, SOIL, 3, "e1", replacement))
			.penalizesBy(1);
	}

	@Test
	void emptyingTheOfferedSeatMovesTheExpert() {
		PlannedExpert offered = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::stability)
			.given(offered, visit, seat(visit, SOIL, 3, "e1", null))
			.penalizesBy(1);
	}

	@Test
	void keepingTheOfferedExpertIsStable() {
		PlannedExpert offered = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::stability)
			.given(offered, visit, seat(visit, SOIL, 3, "e1", offered))
			.penalizes(0);
	}

	@Test
	void seatNeverOfferedHasNoOneToMove() {
		PlannedExpert expert = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::stability)
			.given(expert, visit, seat(visit, expert), emptySeat(visit))
			.penalizes(0);
	}

	// Colleagues travel together

	@Test
	void colleaguesOnOneVisitShareACar() {
		PlannedExpert first = expert("e1").organisation("huanggu").build();
		PlannedExpert second = expert("e2").organisation("huanggu").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::sharedTravel)
			.given(first, second, visit, seat(visit, first), seat(visit, second))
			.rewardsWith(1);
	}

	@Test
	void threeColleaguesOnOneVisitAreThreePairs() {
		PlannedExpert first = expert("e1").organisation("huanggu").build();
		PlannedExpert second = expert("e2").organisation("huanggu").build();
		PlannedExpert third = expert("e3").organisation("huanggu").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::sharedTravel)
			.given(first, second, third, visit, seat(visit, first), seat(visit, second), seat(visit, third))
			.rewardsWith(3);
	}

	@Test
	void colleaguesOnDifferentVisitsTravelApart() {
		PlannedExpert first = expert("e1").organisation("huanggu").build();
		PlannedExpert second = expert("e2").organisation("huanggu").build();
		Visit faku = visit("r1").on(SATURDAY);
		Visit kangping = visit("r2").county("kangping").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::sharedTravel)
			.given(first, second, faku, kangping, seat(faku, first), seat(kangping, second))
			.rewards(0);
	}

	@Test
	void expertsFromDifferentOrganisationsTravelApart() {
		PlannedExpert district = expert("e1").organisation("huanggu").build();
		PlannedExpert park = expert("e2").organisation("huishan-etdz").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::sharedTravel)
			.given(district, park, visit, seat(visit, district), seat(visit, park), emptySeat(visit))
			.rewards(0);
	}

	// Past results on this kind of problem

	@Test
	void newcomerPaysThePrior() {
		PlannedExpert newcomer = expert("e1").build();
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::trackRecord)
			.given(newcomer, visit, seat(visit, newcomer))
			.penalizesBy(40);
	}

	@Test
	void goodResultsOnTheSameCategoryPayLess() {
		// Four solved and rated 5, one partly solved and rated 3: (0.6 * 3 + 4.5) / 8 = 0.7875.
		TrackRecord record = solvedAndRated5(4).withRatedVisit(Assignment.Outcome.PARTLY_SOLVED, 3);
		PlannedExpert proven = expert("e1").trackRecord(ActionCategory.INDUSTRY, record).build();
		Visit visit = visit("r1").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::trackRecord)
			.given(proven, visit, seat(visit, proven))
			.penalizesBy(21);
	}

	@Test
	void poorResultsOnTheSameCategoryPayMore() {
		// Not solved and rated 1, then a no-show: both score 0, so (0.6 * 3) / 5 = 0.36.
		TrackRecord record = TrackRecord.NONE.withRatedVisit(Assignment.Outcome.NOT_SOLVED, 1).withNoShow();
		PlannedExpert unlucky = expert("e1").trackRecord(ActionCategory.INDUSTRY, record).build();
		Visit visit = visit("r1").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::trackRecord)
			.given(unlucky, visit, seat(visit, unlucky))
			.penalizesBy(64);
	}

	@Test
	void resultsOnAnotherCategoryDoNotCount() {
		PlannedExpert planner = expert("e1").trackRecord(ActionCategory.PLANNING, solvedAndRated5(10)).build();
		Visit visit = visit("r1").category(ActionCategory.INDUSTRY).on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::trackRecord)
			.given(planner, visit, seat(visit, planner))
			.penalizesBy(40);
	}

	@Test
	void emptySeatPaysNoTrackRecord() {
		Visit visit = visit("r1").on(SATURDAY);

		constraintVerifier.verifyThat(WeekendConstraints::trackRecord)
			.given(visit, emptySeat(visit))
			.penalizes(0);
	}

	// The whole plan

	@Test
	void planScoresTheSumOfItsRulesTimesTheirConfiguredWeights() {
		PlannedExpert senior = expert("e1").organisation("huanggu").skill(SOIL, 4).build();
		PlannedExpert junior = expert("e2").organisation("huanggu").skill(SOIL, 3).build();
		Visit visit = visit("r1").priority(4).on(SATURDAY);
		SeatSlot first = seat(visit, SOIL, 3, null, senior);
		SeatSlot second = seat(visit, SOIL, 3, null, junior);
		SeatSlot movedAway = seat(visit, SOIL, 3, "e9", null);
		WeekendPlan plan = new WeekendPlan(List.of(senior, junior), List.of(visit), List.of(first, second, movedAway),
				new WeekendWeights(SoftWeights.DEFAULTS));

		long soft = -30 * (1 + 1) // load: two experts with one visit each
				- 50 * 1 // one empty seat in faku
				- 1 * 2L * Travel.minutes(HEPING, FAKU_SITE) // both come from Heping
				- 10 * 1 // the senior is one level above the seat
				- 300 // e9 lost the offered seat
				+ 15 // two colleagues share a car
				- 1 * 2 * 40; // neither has a track record: both pay the prior
		constraintVerifier.verifyThat()
			.givenSolution(plan)
			.scores(HardMediumSoftLongScore.of(0, -4, soft));
	}

	@Test
	void zeroSoftWeightSwitchesItsRuleOff() {
		PlannedExpert expert = expert("e1").organisation("huanggu").build();
		Visit visit = visit("r1").on(SATURDAY);
		SeatSlot seat = seat(visit, expert);
		SoftWeights noTravelLoadOrTrackRecord = new SoftWeights(60L, 120L, 0L, 50L, 0L, 10L, 40L, 20L, 300L, 15L, 0L);
		WeekendPlan plan = new WeekendPlan(List.of(expert), List.of(visit), List.of(seat),
				new WeekendWeights(noTravelLoadOrTrackRecord));

		constraintVerifier.verifyThat().givenSolution(plan).scores(HardMediumSoftLongScore.ZERO);
	}

	// Fixtures

	private SeatSlot seat(Visit visit, PlannedExpert expert) {
		return seat(visit, SOIL, 3, null, expert);
	}

	private SeatSlot seat(Visit visit, String skill, int minLevel, PlannedExpert expert) {
		return seat(visit, skill, minLevel, null, expert);
	}

	private SeatSlot emptySeat(Visit visit) {
		return seat(visit, SOIL, 3, null, null);
	}

	/** The slot copies the visit's date when created, so the visit must already be on its date. */
	private SeatSlot seat(Visit visit, String skill, int minLevel, String previousExpertId, PlannedExpert expert) {
		List<PlannedExpert> candidates = expert == null ? List.of() : List.of(expert);
		SeatSlot slot = new SeatSlot("slot-" + ++slotCount, visit, visit.getSlots().size(), skill, minLevel,
				previousExpertId, candidates);
		slot.setExpert(expert);
		return slot;
	}

	private static TrackRecord solvedAndRated5(int visits) {
		TrackRecord record = TrackRecord.NONE;
		for (int visit = 0; visit < visits; visit++) {
			record = record.withRatedVisit(Assignment.Outcome.SOLVED, 5);
		}
		return record;
	}

	private static ExpertBuilder expert(String id) {
		return new ExpertBuilder(id);
	}

	private static VisitBuilder visit(String requestId) {
		return new VisitBuilder(requestId);
	}

	/**
	 * An expert from Heping, new to the exchange, who can take an ordinary soil-testing seat on any weekend of May
	 * and June 2026.
	 */
	private static final class ExpertBuilder {

		private final String id;

		private String organisationId = "heping";

		private GeoPoint home = HEPING;

		private final Map<String, Integer> skillLevels = new HashMap<>(Map.of(SOIL, 3));

		private Set<LocalDate> availableDates = everyWeekendDay(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 28));

		private int maxWeekendsPerMonth = 2;

		private int maxTravelMinutes = 180;

		private Set<String> preferredCountyIds = Set.of();

		private Set<ActionCategory> preferredCategories = Set.of();

		private Set<String> declinedRequestIds = Set.of();

		private final Set<LocalDate> saturdaysCommittedElsewhere = new HashSet<>();

		private final Map<ActionCategory, TrackRecord> trackRecords = new HashMap<>();

		private ExpertBuilder(String id) {
			this.id = id;
		}

		ExpertBuilder organisation(String organisationId) {
			this.organisationId = organisationId;
			return this;
		}

		ExpertBuilder home(GeoPoint home) {
			this.home = home;
			return this;
		}

		/** Replaces the default soil-testing level. */
		ExpertBuilder skill(String skill, int level) {
			skillLevels.clear();
			skillLevels.put(skill, level);
			return this;
		}

		ExpertBuilder availableOn(LocalDate... dates) {
			this.availableDates = Set.of(dates);
			return this;
		}

		ExpertBuilder cap(int maxWeekendsPerMonth) {
			this.maxWeekendsPerMonth = maxWeekendsPerMonth;
			return this;
		}

		ExpertBuilder maxTravelMinutes(int maxTravelMinutes) {
			this.maxTravelMinutes = maxTravelMinutes;
			return this;
		}

		ExpertBuilder prefersCounties(String... countyIds) {
			this.preferredCountyIds = Set.of(countyIds);
			return this;
		}

		ExpertBuilder prefersCategories(ActionCategory... categories) {
			this.preferredCategories = Set.of(categories);
			return this;
		}

		ExpertBuilder declined(String... requestIds) {
			this.declinedRequestIds = Set.of(requestIds);
			return this;
		}

		ExpertBuilder committed(LocalDate... saturdays) {
			saturdaysCommittedElsewhere.addAll(List.of(saturdays));
			return this;
		}

		ExpertBuilder trackRecord(ActionCategory category, TrackRecord record) {
			trackRecords.put(category, record);
			return this;
		}

		PlannedExpert build() {
			return new PlannedExpert(id, organisationId, home, skillLevels, availableDates, Set.of(), maxWeekendsPerMonth,
					maxTravelMinutes, preferredCountyIds, preferredCategories, declinedRequestIds,
					saturdaysCommittedElsewhere, trackRecords);
		}

		private static Set<LocalDate> everyWeekendDay(LocalDate firstSaturday, LocalDate lastSunday) {
			Set<LocalDate> days = new HashSet<>();
			for (LocalDate saturday = firstSaturday; saturday.isBefore(lastSunday); saturday = saturday.plusWeeks(1)) {
				days.add(saturday);
				days.add(saturday.plusDays(1));
			}
			return days;
		}

	}

	/** A one-day industry visit to Faku, paired with Huanggu district and the Huishan park, priority 4. */
	private static final class VisitBuilder {

		private final String requestId;

		private String countyId = "faku";

		private ActionCategory category = ActionCategory.INDUSTRY;

		private boolean wholeWeekend;

		private int priorityWeight = 4;

		private GeoPoint site = FAKU_SITE;

		private Set<String> earlierExpertIds = Set.of();

		private Set<String> excludedOrganisationIds = Set.of();

		private Set<String> excludedExpertIds = Set.of();

		private VisitBuilder(String requestId) {
			this.requestId = requestId;
		}

		VisitBuilder county(String countyId) {
			this.countyId = countyId;
			return this;
		}

		VisitBuilder category(ActionCategory category) {
			this.category = category;
			return this;
		}

		VisitBuilder wholeWeekend() {
			this.wholeWeekend = true;
			return this;
		}

		VisitBuilder priority(int priorityWeight) {
			this.priorityWeight = priorityWeight;
			return this;
		}

		VisitBuilder site(GeoPoint site) {
			this.site = site;
			return this;
		}

		VisitBuilder followingUpWith(String... expertIds) {
			this.earlierExpertIds = Set.of(expertIds);
			return this;
		}

		VisitBuilder excludingOrganisations(String... organisationIds) {
			this.excludedOrganisationIds = Set.of(organisationIds);
			return this;
		}

		VisitBuilder excludingExperts(String... expertIds) {
			this.excludedExpertIds = Set.of(expertIds);
			return this;
		}

		/** Builds the visit already placed on the date, so slots created afterwards copy it. */
		Visit on(LocalDate date) {
			List<LocalDate> acceptable = new ArrayList<>(List.of(date, date.plusWeeks(1)));
			Visit visit = new Visit(requestId, countyId, category, wholeWeekend, priorityWeight, site, acceptable,
					Set.of("huanggu", "huishan-etdz"), earlierExpertIds, excludedOrganisationIds, excludedExpertIds);
			visit.setDate(date);
			return visit;
		}

	}

}
