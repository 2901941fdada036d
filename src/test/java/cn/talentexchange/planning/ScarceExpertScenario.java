package cn.talentexchange.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.planning.constraints.WeekendConstraints;
import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.SoftWeights;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.planning.domain.WeekendWeights;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The smallest plan where a coordinator's order of work wastes a specialist: an urgent visit needs a planner, and
 * the nearest planner is the only aviation expert, whom a later, less urgent visit needs. Both can come on the
 * urgent visit's Saturday; the aviation visit may also take the next one. The specialist gives one weekend a month.
 * Priority first and nearest first, the specialist goes to the urgent visit and the aviation seat stays empty;
 * the best plan sends the generalist, a few kilometres farther, to the urgent visit instead.
 */
public final class ScarceExpertScenario {

	public static final LocalDate FIRST_SATURDAY = LocalDate.of(2027, 5, 8);

	public static final LocalDate NEXT_SATURDAY = FIRST_SATURDAY.plusWeeks(1);

	private static final GeoPoint FAKU = new GeoPoint(42.50, 123.41);

	public final PlannedExpert specialist = new PlannedExpert("specialist", "huanggu", new GeoPoint(41.85, 123.42),
			Map.of("general-aviation", 4, "spatial-planning", 3), Set.of(FIRST_SATURDAY, NEXT_SATURDAY), Set.of(), 1, 180, Set.of(),
			Set.of(), Set.of(), Set.of(), Map.of());

	public final PlannedExpert generalist = new PlannedExpert("generalist", "huanggu", new GeoPoint(41.80, 123.42),
			Map.of("spatial-planning", 3), Set.of(FIRST_SATURDAY, NEXT_SATURDAY), Set.of(), 2, 180, Set.of(), Set.of(), Set.of(),
			Set.of(), Map.of());

	public final Visit urgent;

	public final SeatSlot plannerSeat;

	public final Visit aviation;

	public final SeatSlot aviationSeat;

	public final WeekendPlan plan;

	/**
	 * @param aviationDate the aviation visit's date if it has one already, else null (both Saturdays acceptable)
	 */
	public ScarceExpertScenario(LocalDate aviationDate) {
		urgent = visit("urgent", 8, List.of(FIRST_SATURDAY));
		aviation = visit("aviation", 1, List.of(FIRST_SATURDAY, NEXT_SATURDAY));
		if (aviationDate != null) {
			urgent.setDate(FIRST_SATURDAY);
			aviation.setDate(aviationDate);
		}
		// nearest first, as the problem builder orders candidates
		plannerSeat = new SeatSlot("urgent#0.0", urgent, 0, "spatial-planning", 2, null, List.of(specialist, generalist));
		aviationSeat = new SeatSlot("aviation#0.0", aviation, 0, "general-aviation", 3, null, List.of(specialist));
		plan = new WeekendPlan(List.of(specialist, generalist), List.of(urgent, aviation),
				List.of(plannerSeat, aviationSeat), new WeekendWeights(SoftWeights.DEFAULTS));
	}

	/** The plan's rules, checked from scratch after every step. */
	public static SolverConfig fullAssert() {
		return new SolverConfig().withSolutionClass(WeekendPlan.class)
			.withEntityClasses(Visit.class, SeatSlot.class)
			.withConstraintProviderClass(WeekendConstraints.class)
			.withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
	}

	private static Visit visit(String id, int priorityWeight, List<LocalDate> dates) {
		return new Visit(id, "faku", ActionCategory.PLANNING, false, priorityWeight, FAKU, dates,
				Set.of("huanggu", "huishan-etdz"), Set.of(), Set.of(), Set.of());
	}

}
