package cn.talentexchange.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.Site;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Availability;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.WeekendWeights;
import cn.talentexchange.solving.RunStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One industry request in Faku with one seat; the plan sent "proven", and the others were as close and as able. */
class ExplanationWriterTest {

	private static final LocalDate SATURDAY = LocalDate.of(2026, 5, 9);

	private static final DemandRequest REQUEST = new DemandRequest("r1", "faku", "agency-faku", "Soil survey", "",
			ActionCategory.INDUSTRY, "leading-industry", List.of(new Seat("soil-testing", 3, 1)), List.of(SATURDAY),
			VisitDuration.ONE_DAY, Priority.NORMAL, new Site(42.50, 123.41, "Faku"), RequestStatus.PLANNED, null, null,
			null, null, null, null, 0, null, null, null);

	private static final PlanRun PLAN = new PlanRun("plan-1", new PlanWindow(SATURDAY, SATURDAY, List.of(), null),
			"weekend-interactive", RunStatus.SOLVED, "coordinator", null, false, null, null, null, null, null, null,
			List.of(new PlanRun.Proposal("r1#0.0", "r1", "faku", 0, 0, "soil-testing", "NORMAL", SATURDAY.toString(), false,
					"proven", List.of(new PlanRun.SlotScore(WeekendWeights.TRACK_RECORD, "0hard/0medium/-21soft")))),
			List.of(), null, null, 0, null, null);

	/** Four solved and rated 5, one partly solved and rated 3. */
	private static final TrackRecord GOOD = TrackRecord.NONE.withRatedVisit(Assignment.Outcome.SOLVED, 5)
		.withRatedVisit(Assignment.Outcome.SOLVED, 5)
		.withRatedVisit(Assignment.Outcome.SOLVED, 5)
		.withRatedVisit(Assignment.Outcome.SOLVED, 5)
		.withRatedVisit(Assignment.Outcome.PARTLY_SOLVED, 3);

	@Test
	void aBetterRecordThanAnyoneFreeToComeIsNamedInEnglish() {
		TrackRecords records = new TrackRecords(Map.of("proven", Map.of(ActionCategory.INDUSTRY, GOOD)));

		assertThat(reasons(List.of(expert("proven", SATURDAY), expert("rival", SATURDAY)), records, false))
			.contains("good results on earlier visits of this kind (Industry alignment): 4 of 5 solved, average rating 4.6");
	}

	@Test
	void aBetterRecordThanAnyoneFreeToComeIsNamedInChinese() {
		TrackRecords records = new TrackRecords(Map.of("proven", Map.of(ActionCategory.INDUSTRY, GOOD)));

		assertThat(reasons(List.of(expert("proven", SATURDAY), expert("rival", SATURDAY)), records, true))
			.contains("此前同类（产业对接）走访成效好：5次中解决4次，平均评分4.6");
	}

	@Test
	void aRecordNoBetterThanTheRunnerUpsIsNotNamed() {
		TrackRecords records = new TrackRecords(Map.of("proven", Map.of(ActionCategory.INDUSTRY, GOOD), "rival",
				Map.of(ActionCategory.INDUSTRY, GOOD)));

		assertThat(reasons(List.of(expert("proven", SATURDAY), expert("rival", SATURDAY)), records, false))
			.noneMatch(reason -> reason.startsWith("good results"));
	}

	@Test
	void aBetterRecordOfSomeoneNotFreeThatDayDoesNotCount() {
		TrackRecord excellent = GOOD.withRatedVisit(Assignment.Outcome.SOLVED, 5).withRatedVisit(Assignment.Outcome.SOLVED, 5);
		TrackRecords records = new TrackRecords(Map.of("proven", Map.of(ActionCategory.INDUSTRY, GOOD), "rival",
				Map.of(ActionCategory.INDUSTRY, excellent)));

		List<Expert> experts = List.of(expert("proven", SATURDAY), expert("rival", SATURDAY.plusDays(1)),
				expert("newcomer", SATURDAY));

		assertThat(reasons(experts, records, false)).anyMatch(reason -> reason.startsWith("good results"));
	}

	@Test
	void goodResultsInAnotherCategoryAreNotNamed() {
		TrackRecords records = new TrackRecords(Map.of("proven", Map.of(ActionCategory.PLANNING, GOOD)));

		assertThat(reasons(List.of(expert("proven", SATURDAY), expert("rival", SATURDAY)), records, false))
			.noneMatch(reason -> reason.startsWith("good results"));
	}

	@Test
	void anUnplannedRequestWhoseDatesAreTooCloseSaysSoInBothLanguages() {
		LocalDate nextDay = SATURDAY.plusDays(1);
		Explanation english = new ExplanationWriter(REQUEST, null, List.of(), List.of(), Set.of(), Map.of(), Map.of(),
				TrackRecords.NONE, "Industry alignment", false, nextDay).write();
		Explanation chinese = new ExplanationWriter(REQUEST, null, List.of(), List.of(), Set.of(), Map.of(), Map.of(),
				TrackRecords.NONE, "产业对接", true, nextDay).write();
		Explanation inTime = new ExplanationWriter(REQUEST, null, List.of(), List.of(), Set.of(), Map.of(), Map.of(),
				TrackRecords.NONE, "Industry alignment", false, SATURDAY).write();

		assertThat(english.summary()).contains("The dates " + SATURDAY + " are too close to offer")
			.contains("the earliest date that can still be planned is " + nextDay);
		assertThat(chinese.summary()).contains("已来不及向专家发出邀请");
		assertThat(inTime.summary()).doesNotContain("too close");
	}

	private static List<String> reasons(List<Expert> experts, TrackRecords records, boolean chinese) {
		Explanation explanation = new ExplanationWriter(REQUEST, PLAN, experts, List.of(), Set.of("huanggu"),
				Map.of("huanggu", chinese ? "皇姑区" : "Huanggu"), Map.of("soil-testing", "Soil testing"), records,
				chinese ? "产业对接" : "Industry alignment", chinese, SATURDAY)
			.write();
		return explanation.seats().get(0).chosen().get(0).reasons();
	}

	/** From Huanggu, soil testing at level 3, free on the one given day. */
	private static Expert expert(String id, LocalDate free) {
		return new Expert(id, id, id, null, null, "employer", "huanggu", new GeoPoint(41.80, 123.42),
				List.of(new HeldSkill("soil-testing", 3)), new Availability(List.of(free), List.of()), 2, 240, List.of(),
				List.of(), List.of(), "zh-CN", true, ExpertStatus.ACTIVE, 0, Instant.EPOCH, Instant.EPOCH);
	}

}
