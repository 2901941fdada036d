package cn.talentexchange.planning.construction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.planning.domain.PlannedExpert;
import cn.talentexchange.planning.domain.SeatSlot;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.VisitDifficulty;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Builds the first plan the way a coordinator would, visit by visit from the most urgent, but with the date chosen
 * together with the experts and with the scarce experts kept for the seats only they can fill.
 *
 * <p>For each visit, every acceptable date (or the date it already has) is staffed on trial ({@link Staffing}) with
 * the experts still free that day and under their monthly cap ({@link Bookings}); the date that fills most seats
 * wins, and among those the one whose experts cost least, where the cost counts the open demand that leans on them
 * ({@link Pressure}). What a plan already holds (accepted and offered experts, pinned dates) stays, and counts as
 * busy. Every change goes through the score director, so the score the local search starts from is right.
 */
public final class ScarcityAwareConstruction implements CustomPhaseCommand<WeekendPlan> {

	private static final Comparator<Visit> MOST_URGENT_FIRST = new VisitDifficulty().reversed();

	@Override
	public void changeWorkingSolution(ScoreDirector<WeekendPlan> scoreDirector) {
		WeekendPlan plan = scoreDirector.getWorkingSolution();
		Bookings bookings = Bookings.of(plan);
		Pressure pressure = new Pressure(plan);
		List<Visit> visits = plan.getVisits().stream().sorted(MOST_URGENT_FIRST).toList();
		for (Visit visit : visits) {
			List<SeatSlot> open = visit.getSlots().stream().filter(Pressure::isOpen).toList();
			Set<PlannedExpert> onVisit = visit.getSlots().stream().map(SeatSlot::getExpert)
				.filter(Objects::nonNull).collect(Collectors.toSet());
			List<LocalDate> dates = visit.getDate() != null ? List.of(visit.getDate()) : visit.getAcceptableDates();
			Staffing best = null;
			for (LocalDate date : dates) {
				Staffing staffing = Staffing.of(visit, open, date, onVisit, bookings, pressure);
				if (best == null || staffing.betterThan(best)) {
					best = staffing;
				}
			}
			apply(scoreDirector, visit, best, bookings);
			open.forEach(pressure::settle);
		}
	}

	private static void apply(ScoreDirector<WeekendPlan> scoreDirector, Visit visit, Staffing staffing,
			Bookings bookings) {
		if (!staffing.date().equals(visit.getDate())) {
			scoreDirector.beforeVariableChanged(visit, "date");
			visit.setDate(staffing.date());
			scoreDirector.afterVariableChanged(visit, "date");
		}
		// In the visit's own slot order, so the same problem always gives the same plan.
		for (SeatSlot slot : visit.getSlots()) {
			PlannedExpert expert = staffing.experts().get(slot);
			if (expert != null) {
				scoreDirector.beforeVariableChanged(slot, "expert");
				slot.setExpert(expert);
				scoreDirector.afterVariableChanged(slot, "expert");
				bookings.book(expert, visit, staffing.date());
			}
		}
		scoreDirector.triggerVariableListeners();
	}

}
