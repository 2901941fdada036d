package cn.talentexchange.planning.moves;

import java.time.LocalDate;
import java.util.Random;

import cn.talentexchange.planning.ScarceExpertScenario;
import cn.talentexchange.planning.domain.WeekendPlan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

import static cn.talentexchange.planning.ScarceExpertScenario.FIRST_SATURDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain on the coordinator's plan of {@link ScarceExpertScenario}: the specialist sits on the urgent planner
 * seat and the aviation seat is empty, because the specialist is out that day (same Saturday) or has given their
 * one weekend of the month (next Saturday).
 */
class SeatChainMoveFactoryTest {

	@ParameterizedTest
	@ValueSource(strings = { "2027-05-08", "2027-05-15" })
	void movesTheSpecialistToTheSeatOnlyTheyCanFillAndHandsTheirSeatOn(String aviationDate) {
		ScarceExpertScenario scenario = new ScarceExpertScenario(LocalDate.parse(aviationDate));
		scenario.plannerSeat.setExpert(scenario.specialist);
		DefaultSolverFactory<WeekendPlan> factory = (DefaultSolverFactory<WeekendPlan>) SolverFactory
			.<WeekendPlan>create(ScarceExpertScenario.fullAssert());
		try (InnerScoreDirector<WeekendPlan, HardMediumSoftLongScore> director = factory
			.<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector()) {
			director.setWorkingSolution(scenario.plan);
			HardMediumSoftLongScore coordinators = director.calculateScore();
			assertThat(coordinators.mediumScore()).isEqualTo(-1);

			SeatChainMove move = new SeatChainMoveFactory.Chainer(new ExpertCalendar(scenario.plan), new Random(0))
				.chainTo(scenario.aviationSeat);
			Move<WeekendPlan> undo = move.doMove(director);
			HardMediumSoftLongScore chained = director.calculateScore();

			assertThat(chained.hardScore()).isZero();
			assertThat(chained.mediumScore()).as("both seats filled").isZero();
			assertThat(scenario.aviationSeat.getExpert()).isSameAs(scenario.specialist);
			assertThat(scenario.plannerSeat.getExpert()).isSameAs(scenario.generalist);

			undo.doMoveOnly(director);
			assertThat(director.calculateScore()).as("undone").isEqualTo(coordinators);
			assertThat(scenario.plannerSeat.getExpert()).isSameAs(scenario.specialist);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2027-05-08", "2027-05-15" })
	void leavesAPinnedSeatAlone(String aviationDate) {
		ScarceExpertScenario scenario = new ScarceExpertScenario(LocalDate.parse(aviationDate));
		scenario.urgent.pinTo(FIRST_SATURDAY);
		scenario.plannerSeat.assign(scenario.specialist, true);

		SeatChainMove move = new SeatChainMoveFactory.Chainer(new ExpertCalendar(scenario.plan), new Random(0))
			.chainTo(scenario.aviationSeat);

		assertThat(move.getPlanningEntities()).doesNotContain(scenario.plannerSeat);
	}

}
