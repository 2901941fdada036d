package cn.talentexchange.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
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
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.WeekendPlan;
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
		Explanation english = write(null, List.of(), List.of(), TrackRecords.NONE, false, nextDay);
		Explanation chinese = write(null, List.of(), List.of(), TrackRecords.NONE, true, nextDay);
		Explanation inTime = write(null, List.of(), List.of(), TrackRecords.NONE, false, SATURDAY);

		assertThat(english.summary()).contains("The dates " + SATURDAY + " are too close to offer")
			.contains("the earliest date that can still be planned is " + nextDay);
		assertThat(chinese.summary()).contains("已来不及向专家发出邀请");
		assertThat(inTime.summary()).doesNotContain("too close");
	}

	@Test
	void theFunnelTellsNotOfferedFromBusyElsewhereAndOverTheCap() {
		PlanRun unfilled = new PlanRun("plan-1", PLAN.window(), "weekend-interactive", RunStatus.SOLVED, "coordinator",
				null, false, null, null, null, null, null, null,
				List.of(new PlanRun.Proposal("r1#0.0", "r1", "faku", 0, 0, "soil-testing", "NORMAL", SATURDAY.toString(),
						false, null, List.of())),
				List.of(), null, null, 0, null, null);
		Expert away = expert("away", SATURDAY.plusDays(1));
		Expert booked = expert("booked", SATURDAY);
		Expert capped = withCap(expert("capped", SATURDAY), 1);
		Expert free = expert("free", SATURDAY);
		// Another plan already holds "booked" on the day, and "capped" on another weekend of May.
		List<Assignment> elsewhere = List.of(held("other-1", "booked", SATURDAY),
				held("other-2", "capped", SATURDAY.plusDays(7)));

		Explanation explanation = write(unfilled, List.of(away, booked, capped, free), elsewhere, TrackRecords.NONE, false,
				SATURDAY);

		Explanation.UnfilledReason why = explanation.seats().get(0).whyUnfilled();
		assertThat(why.counts()).isEqualTo(new Explanation.Counts(4, 0, 0, 0, 1, 1, 1));
		assertThat(why.text()).contains("1 are not free on " + SATURDAY)
			.contains("1 have used their weekends for that month")
			.contains("1 are already on another visit that day");
	}

	private static List<String> reasons(List<Expert> experts, TrackRecords records, boolean chinese) {
		return write(PLAN, experts, List.of(), records, chinese, SATURDAY).seats().get(0).chosen().get(0).reasons();
	}

	private static Explanation write(PlanRun plan, List<Expert> experts, List<Assignment> assignments,
			TrackRecords records, boolean chinese, LocalDate earliestOfferable) {
		WeekendPlan problem = WeekendProblemBuilder.build(new PlanWindow(SATURDAY, SATURDAY, List.of(), null),
				List.of(REQUEST), experts, List.of(new Pairing("p1", "faku", "park", "huanggu")), assignments, records,
				new WeekendWeights(SoftWeights.DEFAULTS));
		return new ExplanationWriter(REQUEST, plan, problem,
				experts.stream().collect(Collectors.toMap(Expert::id, Expert::displayName)),
				Map.of("huanggu", chinese ? "皇姑区" : "Huanggu"), Map.of("soil-testing", "Soil testing"),
				chinese ? "产业对接" : "Industry alignment", chinese, earliestOfferable)
			.write();
	}

	/** From Huanggu, soil testing at level 3, free on the one given day. */
	private static Expert expert(String id, LocalDate free) {
		return new Expert(id, id, id, null, null, "employer", "huanggu", new GeoPoint(41.80, 123.42),
				List.of(new HeldSkill("soil-testing", 3)), new Availability(List.of(free), List.of()), 2, 240, List.of(),
				List.of(), List.of(), "zh-CN", true, ExpertStatus.ACTIVE, 0, Instant.EPOCH, Instant.EPOCH);
	}

	/** An accepted visit of another plan, on another request. */
	private static Assignment held(String id, String expertId, LocalDate date) {
		return new Assignment(id, "plan-0", "elsewhere", "xinmin", 0, 0, "soil-testing", date, false, expertId,
				AssignmentStatus.ACCEPTED, null, null, List.of(), null, 0, Instant.EPOCH, Instant.EPOCH, List.of(), List.of());
	}

	private static Expert withCap(Expert expert, int weekendsPerMonth) {
		return new Expert(expert.id(), expert.username(), expert.displayName(), expert.phone(), expert.email(),
				expert.employer(), expert.organisationId(), expert.homeLocation(), expert.skills(), expert.availability(),
				weekendsPerMonth, expert.maxTravelMinutes(), expert.preferredCountyIds(), expert.preferredCategories(),
				expert.devices(), expert.locale(), expert.contactConsent(), expert.status(), expert.version(),
				expert.createdAt(), expert.updatedAt());
	}

}
