package cn.talentexchange.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.talentexchange.support.ApiTest;
import cn.talentexchange.support.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import cn.talentexchange.database.IdLists;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances on one embedded database expire the same offers at the same time. */
@TestPropertySource(properties = "talent.embedded-mongo.database=expiry-pair")
class TwoInstancesExpiryTest extends ApiTest {

	static ConfigurableApplicationContext second;

	@Autowired
	ApplicationContext first;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void eachOfferExpiresOnceAndFreesItsSeatOnce() {
		second = SecondInstance.start(first, "expiry-pair", List.of(), "talent.notifications.scheduled=false");
		List<Assignment> late = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			late.add(new Assignment("pair-expiry-" + i, "plan-pair", "req-faku-001", "faku", 0, i, "industrial-planning",
					LocalDate.now(clock).plusDays(10), false, "ex-0050", AssignmentStatus.OFFERED,
					clock.instant().minus(Duration.ofMinutes(1)), null, List.of(), null, 0, clock.instant(), clock.instant(),
					null, null));
		}
		mongo.insertAll(late).blockLast();
		// Written straight into the store: listed as a restart would.
		first.getBean(IdLists.class).backfill(Assignments.HOLDING_NOW).run().block();
		List<String> freedA = new ArrayList<>();
		List<String> freedB = new ArrayList<>();
		first.getBean(Assignments.class).freedSeats().subscribe(freedA::add);
		second.getBean(Assignments.class).freedSeats().subscribe(freedB::add);

		List<Long> expired = Mono.zip(first.getBean(AssignmentSchedule.class).expireDue().subscribeOn(Schedulers.parallel()),
				second.getBean(AssignmentSchedule.class).expireDue().subscribeOn(Schedulers.parallel()),
				(a, b) -> List.of(a, b)).block();

		assertThat(expired.get(0) + expired.get(1)).isEqualTo(200);
		assertThat(freedA.size() + freedB.size()).isEqualTo(200);
		List<Assignment> stored = mongo.find(Query.query(Criteria.where("planId").is("plan-pair")), Assignment.class)
			.collectList().block();
		assertThat(stored).hasSize(200).allSatisfy(assignment -> {
			assertThat(assignment.status()).isEqualTo(AssignmentStatus.EXPIRED);
			assertThat(assignment.history()).singleElement()
				.satisfies(entry -> assertThat(entry.to()).isEqualTo(AssignmentStatus.EXPIRED));
		});
	}

}
