package cn.talentexchange.database;

import java.time.Clock;
import java.time.Duration;

import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances, one database: each instance has its own owner id. */
class LeasesTest extends ApiTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	Clock clock;

	@Test
	void ofTwoInstancesRacingForOneLeaseExactlyOneHoldsIt() {
		for (int round = 0; round < 20; round++) {
			Leases first = new Leases(mongo, clock, "first");
			Leases second = new Leases(mongo, clock, "second");
			String name = "race-" + round;
			var held = Flux.merge(first.tryAcquire(name, Duration.ofMinutes(1)).subscribeOn(Schedulers.parallel()),
					second.tryAcquire(name, Duration.ofMinutes(1)).subscribeOn(Schedulers.parallel()))
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(held).containsExactlyInAnyOrder(true, false);
		}
	}

	@Test
	void theHolderRenewsAndAnExpiredLeasePassesOn() {
		Leases first = new Leases(mongo, clock, "first");
		Leases second = new Leases(mongo, clock, "second");
		StepVerifier.create(first.tryAcquire("renew", Duration.ofMillis(200))
			.concatWith(first.tryAcquire("renew", Duration.ofMillis(200)))
			.concatWith(second.tryAcquire("renew", Duration.ofMinutes(1)))
			.concatWith(Mono.delay(Duration.ofMillis(300)).then(second.tryAcquire("renew", Duration.ofMinutes(1))))
			.concatWith(first.tryAcquire("renew", Duration.ofMinutes(1))))
			.expectNext(true).as("first takes").expectNext(true).as("first renews").expectNext(false).as("second waits").expectNext(true).as("second takes the expired").expectNext(false).as("first waits")
			.verifyComplete();
	}

}
