package cn.talentexchange.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.database.TunedWeights;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.planning.domain.Visit;
import cn.talentexchange.planning.domain.WeekendPlan;
import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planned on the Thursday before the seeds' first requested weekend, that weekend is inside the offer cut-off:
 * the planner is not given it, and the requests' later dates stay open.
 */
class PlanOnlyOfferableDatesTest extends ApiTest {

	@Autowired
	Requests requests;

	@Autowired
	Experts experts;

	@Autowired
	ReferenceData references;

	@Autowired
	Assignments assignments;

	@Autowired
	VisitFacts visitFacts;

	@Autowired
	TunedWeights tuned;

	@Autowired
	PlanningSettings settings;

	@Autowired
	Clock clock;

	@Test
	void datesInsideTheOfferCutoffAreLeftOutAndLaterDatesStayOpen() {
		// The seeds count weekends from the coming Saturday (weekend 0); their requests begin at weekend 1.
		LocalDate weekendOne = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).plusWeeks(1);
		Clock thursdayBefore = Clock.fixed(weekendOne.minusDays(2).atTime(10, 0).atZone(clock.getZone()).toInstant(),
				clock.getZone());
		WeekendProblemLoader loader = new WeekendProblemLoader(requests, experts, references, assignments, visitFacts,
				tuned, new OfferTiming(settings, thursdayBefore));
		Set<LocalDate> tooClose = Set.of(weekendOne, weekendOne.plusDays(1));
		List<DemandRequest> open = requests.openIn(List.of()).collectList().block();
		assertThat(open).anyMatch(request -> request.acceptableDates().stream().anyMatch(tooClose::contains));

		WeekendPlan plan = loader.load(new PlanWindow(weekendOne.minusDays(2), weekendOne.plusDays(60), null, null)).block();

		Map<String, List<LocalDate>> planned = plan.getVisits().stream()
			.collect(Collectors.toMap(Visit::getRequestId, Visit::getAcceptableDates));
		assertThat(planned.values()).allSatisfy(dates -> assertThat(dates).doesNotContainAnyElementsOf(tooClose));
		for (DemandRequest request : open) {
			boolean hasLaterDate = request.acceptableDates().stream().anyMatch(date -> date.isAfter(weekendOne.plusDays(1))
					&& !date.isAfter(weekendOne.plusDays(60)));
			assertThat(planned.containsKey(request.id())).as(request.id()).isEqualTo(hasLaterDate);
		}
	}

}
