package cn.talentexchange.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.support.ApiTest;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances share one database; each has its own PlanLocks. */
@TestPropertySource(properties = "talent.embedded-mongo.database=locks")
class PlanLocksTest extends ApiTest {

	private static final LocalDate MONDAY = LocalDate.of(2030, 3, 4);

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@Test
	void ofTwoInstancesRacingForOverlappingWindowsExactlyOneWins() {
		PlanLocks first = new PlanLocks(mongo, clock);
		PlanLocks second = new PlanLocks(mongo, clock);
		for (int round = 0; round < 20; round++) {
			PlanWindow window = new PlanWindow(MONDAY.plusWeeks(round * 10L), MONDAY.plusWeeks(round * 10L + 2), List.of(), null);
			// Other counties, same weekends: experts serve the whole city, so this clashes too.
			PlanWindow overlapping = new PlanWindow(window.from().plusDays(3), window.to().plusDays(3), List.of("faku"), null);
			List<String> outcomes = Flux.merge(attempt(first, "a" + round, window), attempt(second, "b" + round, overlapping))
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(outcomes).containsExactlyInAnyOrder("won", "window-busy");
		}
	}

	@Test
	void disjointDatesAndReleasedLeasesDoNotBlock() {
		PlanLocks locks = new PlanLocks(mongo, clock);
		PlanWindow faku = new PlanWindow(MONDAY.minusYears(1), MONDAY.minusYears(1).plusWeeks(2), List.of("faku"), null);
		PlanWindow kangping = new PlanWindow(faku.to().plusDays(1), faku.to().plusWeeks(2), List.of("kangping"), null);
		StepVerifier.create(locks.acquire("faku-plan", faku, Duration.ofMinutes(5))
			.then(locks.acquire("kangping-plan", kangping, Duration.ofMinutes(5)))
			.then(locks.release("faku-plan"))
			.then(locks.acquire("faku-again", faku, Duration.ofMinutes(5)))).verifyComplete();
	}

	@Test
	void anExpiredLeaseFromACrashedInstanceDoesNotBlock() {
		PlanLocks locks = new PlanLocks(mongo, clock);
		PlanWindow window = new PlanWindow(MONDAY.minusYears(2), MONDAY.minusYears(2).plusWeeks(2), List.of(), null);
		StepVerifier.create(locks.acquire("crashed", window, Duration.ofMillis(1))
			.then(Mono.delay(Duration.ofMillis(20)))
			.then(locks.acquire("next", window, Duration.ofMinutes(5)))).verifyComplete();
	}

	private static Mono<String> attempt(PlanLocks locks, String planId, PlanWindow window) {
		return locks.acquire(planId, window, Duration.ofMinutes(5))
			.thenReturn("won")
			.onErrorResume(ApiProblem.class, problem -> Mono.just(problem.type() == ProblemType.WINDOW_BUSY ? "window-busy" : "other"))
			.subscribeOn(Schedulers.parallel());
	}

}
