package cn.talentexchange.database;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.support.ApiTest;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id lists the hot reads start from: they name what was added, the reader skips what was never written, and
 * documents that reached the store some other way are listed by the startup backfill.
 */
@TestPropertySource(properties = "talent.embedded-mongo.database=id-lists")
class IdListsTest extends ApiTest {

	private static final IdList THINGS = new IdList("things-of-owner", "things", "owner");

	@Autowired
	IdLists lists;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void aListNamesWhatWasAddedAndTheReaderSkipsWhatWasNeverWritten() {
		lists.add(THINGS, Map.of("ann", List.of("t1", "t2"))).block();
		lists.add(THINGS, Map.of("ann", List.of("t1"), "bob", List.of("t3"))).block();
		mongo.insert(new Document("_id", "t1").append("owner", "ann"), "things").block();
		mongo.insert(new Document("_id", "t3").append("owner", "bob"), "things").block();

		assertThat(ids(lists.members(THINGS, "ann", Document.class).collectList().block())).containsExactly("t1");
		lists.remove(THINGS, "ann", List.of("t1")).block();
		assertThat(lists.members(THINGS, "ann", Document.class).collectList().block()).isEmpty();
		assertThat(ids(lists.members(THINGS, "bob", Document.class).collectList().block())).containsExactly("t3");
	}

	@Test
	void theBackfillListsWhatReachedTheStoreAnotherWayAndThePhoneSeesIt() {
		ObjectId objectId = new ObjectId();
		mongo.insert(new Document("_id", objectId).append("owner", "cy"), "things").block();
		mongo.insert(new Document("_id", "t9").append("owner", "cy"), "things").block();
		// An accepted visit written straight into the store, past the API, as an import of old records would.
		mongo.insert(new Document("_id", "imported-visit").append("planId", "old-plan").append("requestId", "req-faku-001")
			.append("countyId", "faku").append("seat", 0).append("position", 0).append("skill", "industrial-planning")
			.append("date", LocalDate.of(2026, 5, 9).toString()).append("wholeWeekend", false)
			.append("expertId", "ex-0042").append("status", "COMPLETED").append("version", 0L)
			.append("offerDeadline", Instant.parse("2026-04-03T00:00:00Z"))
			.append("createdAt", Instant.parse("2026-04-01T00:00:00Z"))
			.append("updatedAt", Instant.parse("2026-05-10T00:00:00Z")), "assignments").block();

		lists.backfill(THINGS, Assignments.BY_EXPERT, Assignments.BY_REQUEST).run().block();

		assertThat(ids(lists.members(THINGS, "cy", Document.class).collectList().block()))
			.containsExactlyInAnyOrder(objectId.toHexString(), "t9");
		Map<?, ?> mine = as("expert-0042").get().uri("/api/v1/assignments/me").exchange().expectStatus().isOk()
			.expectBody(Map.class).returnResult().getResponseBody();
		List<String> shown = ((List<?>) mine.get("items")).stream().map(item -> String.valueOf(((Map<?, ?>) item).get("id"))).toList();
		assertThat(shown).contains("imported-visit");
	}

	@Test
	void aSpreadListSharesItsIdsOutOverItsBucketsAndReadsThemBackWhole() {
		IdList waiting = IdList.spread("things-waiting", "things", Criteria.where("state").is("WAITING"), 8);
		List<String> added = IntStream.range(0, 200).mapToObj(index -> "w" + index).toList();
		lists.add(waiting, added).block();
		lists.add(waiting, List.of("w1", "w2")).block();
		mongo.insert(new Document("_id", "w-imported").append("state", "WAITING"), "things").block();
		mongo.insert(new Document("_id", "w-done").append("state", "DONE"), "things").block();
		lists.backfill(waiting).run().block();

		List<String> listed = lists.ids(waiting).block();
		assertThat(listed).hasSize(201).containsAll(added).contains("w-imported").doesNotContain("w-done");
		long buckets = mongo.count(new Query(Criteria.where("_id").regex("^things-waiting:")), IdLists.COLLECTION).block();
		assertThat(buckets).isBetween(2L, 8L);

		lists.remove(waiting, List.of("w1", "w-imported", "never-listed")).block();
		assertThat(lists.ids(waiting).block()).hasSize(199).doesNotContain("w1", "w-imported");
	}

	private static List<String> ids(List<Document> documents) {
		return documents.stream().map(document -> String.valueOf(document.get("_id"))).toList();
	}

}
