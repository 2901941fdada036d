package cn.talentexchange.database;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lists of document ids under a key, each list one document reached by its _id: what the hot reads (a person's
 * assignments, a person's inbox, a request's seats, the seats held now) look up first, so that they then fetch their
 * few documents by id instead of searching a collection that grows with every month of history. The embedded
 * server uses an index only for an exact lookup on a unique key; a real MongoDB is as quick this way.
 *
 * <p>Without transactions, an id is added before its document is written or enters the list's condition, and
 * removed only after it left: a list may name a document that does not (yet, or any longer) belong, never miss one.
 * Readers therefore fetch by id and check. At startup, and then in a slow sweep ({@link IdListSweep}), each list
 * kind is filled in from its collection, for documents that reached the store some other way (seeds, an import,
 * an earlier release).
 */
@Component
public class IdLists {

	static final String COLLECTION = "idLists";

	private static final int BACKFILL_BATCH = 1_000;

	private final ReactiveMongoTemplate mongo;

	/** Every kind a startup task fills in: the sweep fills them in again. */
	private final List<IdList> kinds = new CopyOnWriteArrayList<>();

	IdLists(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Adds documents to the lists of one kind their keys name, in one round trip. */
	public <T> Mono<Void> add(IdList list, Collection<T> documents, Function<T, String> key, Function<T, String> id) {
		return add(list, documents.stream().collect(Collectors.groupingBy(key, Collectors.mapping(id, Collectors.toSet()))));
	}

	/** Adds ids to several lists of one kind in one round trip; those already there stay once. */
	Mono<Void> add(IdList list, Map<String, ? extends Collection<String>> idsByKey) {
		if (idsByKey.values().stream().allMatch(Collection::isEmpty)) {
			return Mono.empty();
		}
		var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		idsByKey.forEach((key, ids) -> {
			if (!ids.isEmpty()) {
				bulk.upsert(byId(list, key), new Update().addToSet("ids").each(ids.toArray()));
			}
		});
		return bulk.execute().then();
	}

	/** Adds ids to a spread list, each to its bucket, in one round trip. */
	public Mono<Void> add(IdList list, Collection<String> ids) {
		return add(list, byBucket(list, ids));
	}

	/** Takes ids out of a spread list, once their documents have left it, in one round trip. */
	public Mono<Void> remove(IdList list, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.empty();
		}
		var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
		byBucket(list, ids).forEach((bucket, some) -> bulk.updateOne(byId(list, bucket),
				new Update().pullAll("ids", some.toArray())));
		return bulk.execute().then();
	}

	/** Every id of a spread list, its buckets read in one round trip. */
	public Mono<List<String>> ids(IdList list) {
		List<String> buckets = IntStream.range(0, list.buckets()).mapToObj(bucket -> list.name() + ":" + bucket).toList();
		Query stored = Query.query(Criteria.where("_id").in(buckets));
		stored.fields().include("ids");
		return mongo.find(stored, Document.class, COLLECTION)
			.concatMapIterable(found -> {
				List<String> ids = found.getList("ids", String.class);
				return ids == null ? List.<String>of() : ids;
			})
			.collectList();
	}

	private static Map<String, Set<String>> byBucket(IdList list, Collection<String> ids) {
		return ids.stream().collect(Collectors.groupingBy(list::bucketOf, Collectors.toSet()));
	}

	/** Takes ids out of the list under the key, once their documents have left it. */
	public Mono<Void> remove(IdList list, String key, Collection<String> ids) {
		return ids.isEmpty() ? Mono.empty()
				: mongo.updateFirst(byId(list, key), new Update().pullAll("ids", ids.toArray()), COLLECTION).then();
	}

	/** The documents the list under the key names, fetched by id; the caller checks that each still belongs. */
	public <T> Flux<T> members(IdList list, String key, Class<T> type) {
		return ids(list, key).flatMapMany(ids -> ids.isEmpty() ? Flux.empty()
				: mongo.find(Query.query(Criteria.where("_id").in(ids)), type, list.collection()));
	}

	/** The ids the list under the key names, for a caller that fetches only some fields, or some of them. */
	public Mono<List<String>> ids(IdList list, String key) {
		Query stored = byId(list, key);
		stored.fields().include("ids");
		return mongo.findOne(stored, Document.class, COLLECTION)
			.map(found -> {
				List<String> ids = found.getList("ids", String.class);
				return ids == null ? List.<String>of() : ids;
			})
			.defaultIfEmpty(List.of());
	}

	/** The startup task that fills in lists of these kinds from their collections; the sweep repeats it. */
	public StartupTask backfill(IdList... lists) {
		kinds.addAll(List.of(lists));
		return new StartupTask() {

			@Override
			public int order() {
				return LISTS;
			}

			@Override
			public Mono<Void> run() {
				return Flux.fromArray(lists).concatMap(IdLists.this::backfill).then();
			}

		};
	}

	/** Fills in every kind of list again, for documents written straight into the store while running. */
	Mono<Void> backfillAll() {
		return Flux.fromIterable(kinds).concatMap(this::backfill).then();
	}

	private Mono<Void> backfill(IdList list) {
		Query members = Query.query(list.members());
		members.fields().include("_id");
		if (list.keyField() != null) {
			members.fields().include(list.keyField());
		}
		return mongo.find(members, Document.class, list.collection())
			.filter(document -> list.keyOf(document) != null)
			.buffer(BACKFILL_BATCH)
			// Spring stores an id that looks like an ObjectId as one: read it back as text.
			.concatMap(batch -> add(list, batch, list::keyOf, document -> String.valueOf(document.get("_id"))))
			.then();
	}

	private static Query byId(IdList list, String key) {
		return Query.query(Criteria.where("_id").is(list.name() + ":" + key));
	}

}
