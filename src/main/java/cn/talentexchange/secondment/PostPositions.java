package cn.talentexchange.secondment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.database.LostRace;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Who holds which position of a post, kept in the post's own document and changed only by a compare-and-set on
 * its {@code holdersVersion}: however many nominations race for a post with k free positions, exactly k win. A
 * holder whose placement has left NOMINATED, APPROVED, ACTIVE or EXTENDED frees its position; so does a
 * reservation whose placement was never written (a crash between the two), after a minute.
 */
@Component
class PostPositions {

	private static final int ATTEMPTS = 100;

	private static final Duration UNWRITTEN_GRACE = Duration.ofMinutes(1);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	PostPositions(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The position this placement holds: the one it holds already, or the lowest free one; 409 when all are taken. */
	Mono<Integer> take(SecondmentPost post, String placementId) {
		return Mono.defer(() -> Mono.zip(holdersOf(post.id()), liveHolders(post.id()))
			.flatMap(found -> {
				Holders current = found.getT1();
				for (Holder held : current.holders()) {
					if (held.placementId().equals(placementId)) {
						return Mono.just(held.position());
					}
				}
				Instant now = clock.instant();
				List<Holder> kept = current.holders().stream()
					.filter(held -> found.getT2().contains(held.placementId())
							|| held.reservedAt().isAfter(now.minus(UNWRITTEN_GRACE)))
					.toList();
				Set<Integer> taken = new HashSet<>(kept.stream().map(Holder::position).toList());
				int free = 0;
				while (taken.contains(free)) {
					free++;
				}
				if (free >= post.positions()) {
					return Mono.error(new ApiProblem(ProblemType.INVALID_STATE, "Every position of the post is taken",
							Map.of("currentStatus", post.status().name())));
				}
				List<Holder> next = new ArrayList<>(kept);
				next.add(new Holder(free, placementId, now));
				int position = free;
				return compareAndSet(post.id(), current.version(), next).thenReturn(position);
			}))
			.retryWhen(Retry.max(ATTEMPTS).filter(LostRace.class::isInstance));
	}

	private Mono<Holders> holdersOf(String postId) {
		Query post = Query.query(Criteria.where("_id").is(postId));
		post.fields().include("holders", "holdersVersion");
		return mongo.findOne(post, Document.class, mongo.getCollectionName(SecondmentPost.class))
			.map(stored -> {
				List<Holder> holders = new ArrayList<>();
				for (Document held : stored.getList("holders", Document.class, List.of())) {
					holders.add(new Holder(held.getInteger("position"), held.getString("placementId"),
							held.getDate("reservedAt").toInstant()));
				}
				return new Holders(holders, stored.getLong("holdersVersion"));
			});
	}

	private Mono<Set<String>> liveHolders(String postId) {
		Query live = Query.query(Criteria.where("postId").is(postId).and("status").in(SecondmentStatus.HOLDING));
		live.fields().include("_id");
		return mongo.find(live, Document.class, mongo.getCollectionName(Secondment.class))
			.map(placement -> String.valueOf(placement.get("_id")))
			.collect(HashSet::new, Set::add);
	}

	private Mono<Void> compareAndSet(String postId, Long version, List<Holder> holders) {
		Query unchanged = Query.query(Criteria.where("_id").is(postId).and("holdersVersion").is(version));
		List<Document> stored = holders.stream().map(held -> new Document("position", held.position())
			.append("placementId", held.placementId()).append("reservedAt", Date.from(held.reservedAt()))).toList();
		return mongo.updateFirst(unchanged, new Update().set("holders", stored)
			.set("holdersVersion", version == null ? 1L : version + 1), SecondmentPost.class)
			.flatMap(result -> result.getModifiedCount() > 0 ? Mono.<Void>empty() : Mono.error(new LostRace()));
	}

	/** @param version null before the first position was ever taken */
	private record Holders(List<Holder> holders, Long version) {
	}

	private record Holder(int position, String placementId, Instant reservedAt) {
	}

}
