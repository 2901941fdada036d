package cn.talentexchange.planning.construction;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.planning.ScarceExpertScenario;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;

import static cn.talentexchange.planning.ScarceExpertScenario.FIRST_SATURDAY;
import static cn.talentexchange.planning.ScarceExpertScenario.NEXT_SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The construction alone, in FULL_ASSERT mode: every score it reports is checked against a full recalculation. */
class ScarcityAwareConstructionTest {

	@Test
	void keepsTheSpecialistForTheSeatOnlyTheyCanFill() {
		ScarceExpertScenario scenario = new ScarceExpertScenario(null);

		WeekendPlan built = construct(scenario.plan);

		assertThat(built.getScore().hardScore()).isZero();
		assertThat(built.getScore().mediumScore()).as("both seats filled").isZero();
		assertThat(expertOf(built, "urgent#0.0")).isEqualTo("generalist");
		assertThat(expertOf(built, "aviation#0.0")).isEqualTo("specialist");
	}

	@Test
	void choosesTheDateOnWhichItsExpertsCanComeNotTheFirstOne() {
		GeoPoint home = new GeoPoint(41.80, 123.42);
		PlannedExpert pilot = new PlannedExpert("pilot", "huanggu", home, Map.of("general-aviation", 4),
				Set.of(NEXT_SATURDAY), Set.of(), 1, 180, Set.of(), Set.of(), Set.of(), Set.of(), Map.of());
		PlannedExpert planner = new PlannedExpert("planner", "huanggu", home, Map.of("spatial-planning", 3),
				Set.of(FIRST_SATURDAY, NEXT_SATURDAY), Set.of(), 1, 180, Set.of(), Set.of(), Set.of(), Set.of(), Map.of());
		Visit visit = new Visit("airfield", "faku", ActionCategory.INDUSTRY, false, 4, new GeoPoint(42.50, 123.41),
				List.of(FIRST_SATURDAY, NEXT_SATURDAY), Set.of(), Set.of(), Set.of(), Set.of());
		SeatSlot aviationSeat = new SeatSlot("airfield#0.0", visit, 0, "general-aviation", 3, null, List.of(pilot));
		SeatSlot planningSeat = new SeatSlot("airfield#1.0", visit, 1, "spatial-planning", 3, null, List.of(planner));
		WeekendPlan plan = new WeekendPlan(List.of(pilot, planner), List.of(visit), List.of(aviationSeat, planningSeat),
				new WeekendWeights(SoftWeights.DEFAULTS));

		WeekendPlan built = construct(plan);

		assertThat(built.getVisits().get(0).getDate()).isEqualTo(NEXT_SATURDAY);
		assertThat(built.getScore().mediumScore()).as("both seats filled").isZero();
		assertThat(built.getSlots()).allSatisfy(slot -> assertThat(slot.getDate()).isEqualTo(NEXT_SATURDAY));
	}

	@Test
	void keepsWhatThePlanAlreadyHoldsAndCountsItAsBusy() {
		ScarceExpertScenario scenario = new ScarceExpertScenario(NEXT_SATURDAY);
		// The specialist accepted the aviation visit on the next Saturday: their one weekend of the month is given.
		scenario.aviation.pinTo(NEXT_SATURDAY);
		scenario.aviationSeat.setDate(NEXT_SATURDAY);
		scenario.aviationSeat.assign(scenario.specialist, true);

		WeekendPlan built = construct(scenario.plan);

		assertThat(expertOf(built, "aviation#0.0")).isEqualTo("specialist");
		assertThat(expertOf(built, "urgent#0.0")).isEqualTo("generalist");
		assertThat(built.getScore().hardScore()).isZero();
	}

	private static WeekendPlan construct(WeekendPlan plan) {
		return SolverFactory.<WeekendPlan>create(ScarceExpertScenario.fullAssert()
			.withPhases(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(ScarcityAwareConstruction.class))))
			.buildSolver()
			.solve(plan);
	}

	private static String expertOf(WeekendPlan plan, String slotId) {
		return plan.getSlots().stream().filter(slot -> slot.getId().equals(slotId)).findFirst().orElseThrow()
			.getExpert().getId();
	}

}
