package cn.talentexchange.planning;

import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.TrackRecord;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Solves one small generated problem with the interactive configuration in FULL_ASSERT mode, which
 * recomputes the score from scratch after every move and throws on any difference: finishing is the
 * proof that the incremental score, the date shadow variable and the solution cloning agree. A second,
 * tiny problem shows a soft rule deciding between two otherwise equal experts.
 */
class WeekendSolverTest {

	private static final List<LocalDate> SATURDAYS = List.of(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 9),
			LocalDate.of(2026, 5, 16), LocalDate.of(2026, 5, 23), LocalDate.of(2026, 5, 30));

	private static final LocalDate PINNED_DATE = LocalDate.of(2026, 5, 16);

	private static final List<String> SKILLS = List.of("soil-testing", "e-commerce", "land-planning");

	private static final List<String> ORGANISATIONS = List.of("heping", "huanggu", "huishan-etdz", "tiexi",
			"shenbei");

	private static final List<County> COUNTIES = List.of(
			new County("faku", new GeoPoint(42.50, 123.41), Set.of("huanggu", "huishan-etdz")),
			new County("kangping", new GeoPoint(42.75, 123.35), Set.of("shenbei", "heping")),
			new County("xinmin", new GeoPoint(41.99, 122.83), Set.of("tiexi", "heping")),
			new County("liaozhong", new GeoPoint(41.51, 122.72), Set.of("tiexi", "huanggu")));

	private static WeekendPlan problem;

	private static WeekendPlan solved;

	@BeforeAll
	static void solveUnderFullAssert() {
		problem = generate(new Random(20260516L));
		solved = SolverFactory.<WeekendPlan>create(fullAssert(Duration.ofSeconds(5))).buildSolver().solve(problem);
	}

	private static SolverConfig fullAssert(Duration limit) {
		return SolverConfig.createFromXmlFile(new File("solver-config/weekend-interactive.xml"))
			.withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
			// replaces the file's termination, including its unimproved limit
			.withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
	}

	@Test
	void solvedPlanBreaksNoHardRule() {
		assertThat(solved.getScore().isSolutionInitialized()).isTrue();
		assertThat(solved.getScore().hardScore()).isZero();
	}

	@Test
	void pinnedSlotKeepsItsExpertAndItsVisitKeepsItsDate() {
		SeatSlot pinned = slot(solved, "r0-0");
		assertThat(pinned.isPinned()).isTrue();
		assertThat(pinned.getExpert().getId()).isEqualTo("e00");
		assertThat(pinned.getVisit().isPinned()).isTrue();
		assertThat(pinned.getVisit().getDate()).isEqualTo(PINNED_DATE);
	}

	@Test
	void everySlotIsOnItsVisitsDate() {
		assertThat(solved.getSlots()).allSatisfy(
				slot -> assertThat(slot.getDate()).as(slot.getId()).isNotNull().isEqualTo(slot.getVisit().getDate()));
		assertThat(solved.getVisits())
			.allSatisfy(visit -> assertThat(visit.getAcceptableDates()).contains(visit.getDate()));
	}

	@Test
	void someSeatsAreFilled() {
		assertThat(solved.getSlots()).filteredOn(slot -> slot.getExpert() != null).isNotEmpty();
	}

	@Test
	void solvedPlanIsAConsistentCloneThatLeavesTheProblemAlone() {
		assertThat(solved).isNotSameAs(problem);
		assertThat(solved.getSlots()).hasSameSizeAs(problem.getSlots()).allSatisfy(slot -> {
			assertThat(solved.getVisits()).as(slot.getId()).containsOnlyOnce(slot.getVisit());
			assertThat(slot.getVisit().getSlots()).as(slot.getId()).containsOnlyOnce(slot);
		});
		assertThat(problem.getSlots()).filteredOn(slot -> !slot.isPinned())
			.allSatisfy(slot -> assertThat(slot.getExpert()).as(slot.getId()).isNull());
		assertThat(problem.getVisits()).filteredOn(visit -> !visit.isPinned())
			.allSatisfy(visit -> assertThat(visit.getDate()).as(visit.getRequestId()).isNull());
	}

	@Test
	void ofTwoOtherwiseEqualExpertsTheOneWithGoodResultsOnTheCategoryIsChosen() {
		TrackRecord solvedTwice = TrackRecord.NONE.withRatedVisit(Assignment.Outcome.SOLVED, 5)
			.withRatedVisit(Assignment.Outcome.SOLVED, 4);
		// Listed first, so a tie would go to the one whose good results are in another category.
		PlannedExpert planner = equalExpert("planner", Map.of(ActionCategory.PLANNING, solvedTwice));
		PlannedExpert industrialist = equalExpert("industrialist", Map.of(ActionCategory.INDUSTRY, solvedTwice));
		County faku = COUNTIES.get(0);
		Visit visit = new Visit("industry", faku.id(), ActionCategory.INDUSTRY, false, 2, faku.site(),
				List.of(PINNED_DATE), faku.pairedOrganisationIds(), Set.of(), Set.of(), Set.of());
		SeatSlot seat = new SeatSlot("industry-0", visit, 0, "soil-testing", 3, null, List.of(planner, industrialist));
		WeekendPlan plan = new WeekendPlan(List.of(planner, industrialist), List.of(visit), List.of(seat),
				new WeekendWeights(SoftWeights.DEFAULTS));

		WeekendPlan best = SolverFactory.<WeekendPlan>create(fullAssert(Duration.ofSeconds(1))).buildSolver().solve(plan);

		assertThat(slot(best, "industry-0").getExpert().getId()).isEqualTo("industrialist");
	}

	@Test
	void nightlyConfigurationBuildsTheSameSearch() {
		SolverConfig nightly = SolverConfig.createFromXmlFile(new File("solver-config/weekend-nightly.xml"));
		assertThat(SolverFactory.<WeekendPlan>create(nightly).buildSolver()).isNotNull();
	}

	private static SeatSlot slot(WeekendPlan plan, String id) {
		return plan.getSlots().stream().filter(slot -> slot.getId().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Twelve random experts plus e00, who holds the pinned seat; six visits of one to three seats on two or
	 * three acceptable days, two of them whole weekends, plus r0, pinned to {@link #PINNED_DATE}. Empty
	 * seats are allowed, so a hard-feasible plan always exists as long as the pinned seat is valid.
	 */
	private static WeekendPlan generate(Random random) {
		List<PlannedExpert> experts = new ArrayList<>();
		experts.add(new PlannedExpert("e00", "huanggu", new GeoPoint(41.80, 123.42), Map.of("soil-testing", 4),
				Set.of(PINNED_DATE, PINNED_DATE.plusDays(1)), Set.of(), 2, 240, Set.of(), Set.of(), Set.of(), Set.of(), Map.of()));
		for (int i = 1; i <= 12; i++) {
			experts.add(randomExpert(random, "e%02d".formatted(i)));
		}

		List<Visit> visits = new ArrayList<>();
		List<SeatSlot> slots = new ArrayList<>();

		County faku = COUNTIES.get(0);
		Visit pinnedVisit = new Visit("r0", faku.id(), ActionCategory.INDUSTRY, false, 5, faku.site(),
				List.of(PINNED_DATE, PINNED_DATE.plusWeeks(1)), faku.pairedOrganisationIds(), Set.of(), Set.of(),
				Set.of());
		pinnedVisit.pinTo(PINNED_DATE); // before its slots exist, so they copy the date
		SeatSlot pinnedSlot = new SeatSlot("r0-0", pinnedVisit, 0, "soil-testing", 3, "e00", List.of(experts.get(0)));
		pinnedSlot.assign(experts.get(0), true);
		slots.add(pinnedSlot);
		slots.add(new SeatSlot("r0-1", pinnedVisit, 1, "soil-testing", 2, null,
				candidates(experts, pinnedVisit, "soil-testing", 2)));
		visits.add(pinnedVisit);

		for (int i = 1; i <= 6; i++) {
			boolean wholeWeekend = i <= 2;
			County county = COUNTIES.get(random.nextInt(COUNTIES.size()));
			Visit visit = new Visit("r" + i, county.id(),
					ActionCategory.values()[random.nextInt(ActionCategory.values().length)], wholeWeekend,
					1 + random.nextInt(5), county.site(), acceptableDates(random, wholeWeekend),
					county.pairedOrganisationIds(), i == 3 ? Set.of("e03") : Set.of(),
					i == 4 ? Set.of("tiexi") : Set.of(), Set.of());
			int seats = 1 + random.nextInt(3);
			for (int seat = 0; seat < seats; seat++) {
				String skill = SKILLS.get(random.nextInt(SKILLS.size()));
				int minLevel = 2 + random.nextInt(2);
				List<PlannedExpert> candidates = candidates(experts, visit, skill, minLevel);
				String previous = seat == 0 && !candidates.isEmpty() && random.nextInt(3) == 0
						? candidates.get(random.nextInt(candidates.size())).getId() : null;
				slots.add(new SeatSlot(visit.getRequestId() + "-" + seat, visit, seat, skill, minLevel, previous,
						candidates));
			}
			visits.add(visit);
		}
		return new WeekendPlan(experts, visits, slots, new WeekendWeights(SoftWeights.DEFAULTS));
	}

	/** Same organisation, home, skill and days as any other made here; only the track record differs. */
	private static PlannedExpert equalExpert(String id, Map<ActionCategory, TrackRecord> trackRecords) {
		return new PlannedExpert(id, "huanggu", new GeoPoint(41.80, 123.42), Map.of("soil-testing", 3),
				Set.of(PINNED_DATE), Set.of(), 2, 240, Set.of(), Set.of(), Set.of(), Set.of(), trackRecords);
	}

	private static PlannedExpert randomExpert(Random random, String id) {
		Map<String, Integer> levels = new HashMap<>();
		for (String skill : SKILLS) {
			if (random.nextInt(3) > 0) {
				levels.put(skill, 1 + random.nextInt(5));
			}
		}
		Set<LocalDate> available = new HashSet<>();
		for (LocalDate saturday : SATURDAYS) {
			if (random.nextInt(10) < 6) {
				available.add(saturday);
			}
			if (random.nextInt(10) < 6) {
				available.add(saturday.plusDays(1));
			}
		}
		GeoPoint home = new GeoPoint(41.79 + (random.nextDouble() - 0.5) * 0.2,
				123.40 + (random.nextDouble() - 0.5) * 0.2);
		Set<String> preferredCounties = random.nextInt(3) == 0
				? Set.of(COUNTIES.get(random.nextInt(COUNTIES.size())).id()) : Set.of();
		Set<String> declined = random.nextInt(4) == 0 ? Set.of("r" + (1 + random.nextInt(6))) : Set.of();
		Set<LocalDate> committed = random.nextInt(4) == 0 ? Set.of(LocalDate.of(2026, 5, 30)) : Set.of();
		return new PlannedExpert(id, ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())), home, levels,
				available, Set.of(), 2, 150 + random.nextInt(90), preferredCounties, Set.of(), declined, committed, Map.of());
	}

	private static List<LocalDate> acceptableDates(Random random, boolean wholeWeekend) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate saturday : SATURDAYS) {
			days.add(saturday);
			if (!wholeWeekend) {
				days.add(saturday.plusDays(1));
			}
		}
		Collections.shuffle(days, random);
		return List.copyOf(days.subList(0, 2 + random.nextInt(2)));
	}

	/** As the service narrows them: skill and level, no earlier decline, no conflict of interest. */
	private static List<PlannedExpert> candidates(List<PlannedExpert> experts, Visit visit, String skill,
			int minLevel) {
		return experts.stream()
			.filter(expert -> expert.levelOf(skill) >= minLevel)
			.filter(expert -> !expert.hasDeclined(visit.getRequestId()))
			.filter(expert -> !visit.getExcludedExpertIds().contains(expert.getId())
					&& !visit.getExcludedOrganisationIds().contains(expert.getOrganisationId()))
			.toList();
	}

	private record County(String id, GeoPoint site, Set<String> pairedOrganisationIds) {
	}

}
