package cn.talentexchange.demand;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.database.IdList;
import cn.talentexchange.database.IdLists;
import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.Outbox;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The demand module's service: county problems, scoped to who asks in every query. */
@Component
public class Requests {

	/**
	 * The open requests, for the experts' browsing only: a request is listed before it opens and leaves the list
	 * once a reader finds it no longer open (no request opens twice). The planner reads the store itself, so a
	 * request written straight into it is planned at once, and browsed after the next sweep of the lists.
	 */
	static final IdList OPEN_TO_EXPERTS = IdList.single("requests-open", "requests",
			Criteria.where("status").is(RequestStatus.OPEN));

	/** The order of every request list: newest first, then by id. */
	private static final Comparator<DemandRequest> NEWEST_FIRST = Comparator.comparing(DemandRequest::createdAt)
		.reversed()
		.thenComparing(DemandRequest::id);

	private static final List<RequestStatus> EDITABLE = List.of(RequestStatus.DRAFT, RequestStatus.OPEN);

	private static final List<RequestStatus> CANCELLABLE = List.of(RequestStatus.DRAFT, RequestStatus.OPEN,
			RequestStatus.PLANNED, RequestStatus.CONFIRMED);

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	private final ConditionalUpdates updates;

	private final ReferenceData references;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final IdLists lists;

	Requests(ReactiveMongoTemplate mongo, PagedQueries pages, ConditionalUpdates updates, ReferenceData references,
			IdLists lists, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.lists = lists;
		this.mongo = mongo;
		this.pages = pages;
		this.updates = updates;
		this.references = references;
		this.clock = clock;
	}

	/** Open requests, optionally of some counties: what a plan may fill. */
	public Flux<DemandRequest> openIn(List<String> countyIds) {
		Criteria open = Criteria.where("status").is(RequestStatus.OPEN);
		return mongo.find(Query.query(countyIds.isEmpty() ? open : open.and("countyId").in(countyIds)),
				DemandRequest.class);
	}

	/**
	 * Claims open requests for a plan's offers: OPEN becomes PLANNED, remembering the plan. Claiming again for the
	 * same plan succeeds, so a publish that crashed half-way can be repeated; another plan cannot. Two round trips
	 * for any number: one update, then one read of which are now this plan's.
	 *
	 * @return the ids of the requests the plan holds
	 */
	public Mono<Set<String>> claimAllForPlan(Collection<String> requestIds, String planId) {
		Criteria claimable = new Criteria().orOperator(Criteria.where("status").is(RequestStatus.OPEN),
				Criteria.where("status").is(RequestStatus.PLANNED).and("plannedBy").is(planId));
		Query planned = Query.query(Criteria.where("_id").in(requestIds).and("status").is(RequestStatus.PLANNED)
			.and("plannedBy").is(planId));
		planned.fields().include("_id");
		return mongo.updateMulti(Query.query(Criteria.where("_id").in(requestIds).andOperator(claimable)),
				new Update().set("status", RequestStatus.PLANNED).set("plannedBy", planId).set("updatedAt", clock.instant())
					.inc("version", 1),
				DemandRequest.class)
			.thenMany(mongo.find(planned, Document.class, mongo.getCollectionName(DemandRequest.class)))
			// Ids that look like ObjectIds are stored as ObjectIds.
			.map(found -> String.valueOf(found.get("_id")))
			.collect(Collectors.toSet());
	}

	/** Requests opened for planning from {@code from} (inclusive) to {@code to} (exclusive), drafts never. */
	public Flux<DemandRequest> openedBetween(Instant from, Instant to) {
		return mongo.find(Query.query(Criteria.where("openedAt").gte(from).lt(to)), DemandRequest.class);
	}

	public Mono<DemandRequest> findById(String requestId) {
		return mongo.findById(requestId, DemandRequest.class);
	}

	public Flux<DemandRequest> findAllById(Collection<String> requestIds) {
		return mongo.find(Query.query(Criteria.where("_id").in(requestIds)), DemandRequest.class);
	}

	/** The action category of each request found, by id; only that field is read. */
	public Mono<Map<String, ActionCategory>> categoriesOf(Collection<String> requestIds) {
		return mongo.query(DemandRequest.class)
			.as(RequestCategory.class)
			.matching(Query.query(Criteria.where("_id").in(requestIds)))
			.all()
			.collectMap(RequestCategory::id, RequestCategory::category);
	}

	Mono<PagedList<DemandRequest>> list(Caller caller, String countyId, RequestStatus status, ActionCategory category,
			Paging paging) {
		if (!caller.isCoordinator() && !caller.has(Role.COUNTY_AGENCY)) {
			return openToExperts(countyId, status, category, paging);
		}
		List<Criteria> filter = new ArrayList<>(List.of(visibleTo(caller)));
		if (countyId != null) {
			filter.add(Criteria.where("countyId").is(countyId));
		}
		if (status != null) {
			filter.add(Criteria.where("status").is(status));
		}
		if (category != null) {
			filter.add(Criteria.where("category").is(category));
		}
		Query query = Query.query(new Criteria().andOperator(filter));
		return pages.page(query, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")), paging, DemandRequest.class);
	}

	/** What an expert browses: the open requests, from their list rather than a search of every request ever. */
	private Mono<PagedList<DemandRequest>> openToExperts(String countyId, RequestStatus status, ActionCategory category,
			Paging paging) {
		if (status != null && status != RequestStatus.OPEN) {
			return Mono.just(PagedList.of(List.of(), paging, 0));
		}
		return lists.members(OPEN_TO_EXPERTS, IdList.ALL, DemandRequest.class)
			.collectList()
			.flatMap(listed -> {
				List<String> closed = listed.stream()
					.filter(request -> request.status() != RequestStatus.OPEN)
					.map(DemandRequest::id)
					.toList();
				List<DemandRequest> open = listed.stream()
					.filter(request -> request.status() == RequestStatus.OPEN)
					.filter(request -> countyId == null || countyId.equals(request.countyId()))
					.filter(request -> category == null || category == request.category())
					.sorted(NEWEST_FIRST)
					.toList();
				return lists.remove(OPEN_TO_EXPERTS, IdList.ALL, closed).thenReturn(PagedList.slice(open, paging));
			});
	}

	/** The request if the caller may see it; a 404 problem otherwise. */
	public Mono<DemandRequest> find(String id, Caller caller) {
		return mongo.findOne(Query.query(new Criteria().andOperator(visibleTo(caller), byId(id))), DemandRequest.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("request", id)));
	}

	Mono<DemandRequest> create(Caller caller, RequestInput input) {
		RequestRules.check(input, LocalDate.now(clock));
		String countyId = countyFor(caller, input.countyId());
		Instant now = clock.instant();
		DemandRequest request = new DemandRequest(new ObjectId().toHexString(), countyId, caller.username(),
				input.title(), input.description(), input.category(), input.subCategory(), input.seats(),
				input.acceptableDates(), input.duration(), input.priority(), input.location(), RequestStatus.DRAFT,
				input.followUpOf(), input.excludedOrganisationIds(), input.excludedExpertIds(), input.internalNotes(),
				input.contact(), null, 0, now, now, null);
		return checkReferences(caller, countyId, input).then(mongo.insert(request));
	}

	Mono<DemandRequest> change(String id, Caller caller, RequestInput input, ExpectedVersion expected) {
		RequestRules.check(input, LocalDate.now(clock));
		Update update = new Update().set("title", input.title())
			.set("description", input.description())
			.set("category", input.category())
			.set("subCategory", input.subCategory())
			.set("seats", input.seats())
			.set("acceptableDates", input.acceptableDates().stream().distinct().sorted().toList())
			.set("duration", input.duration())
			.set("priority", input.priority())
			.set("location", input.location())
			.set("followUpOf", input.followUpOf())
			.set("excludedOrganisationIds", orEmpty(input.excludedOrganisationIds()))
			.set("excludedExpertIds", orEmpty(input.excludedExpertIds()))
			.set("internalNotes", input.internalNotes())
			.set("contact", input.contact());
		return find(id, caller)
			.flatMap(current -> {
				if (input.countyId() != null && !input.countyId().equals(current.countyId())) {
					return Mono.error(ApiProblem.invalid("countyId", "a request cannot move to another county"));
				}
				return checkReferences(caller, current.countyId(), input);
			})
			.then(updates.transition(DemandRequest.class, "request", scoped(caller, id), expected,
					Criteria.where("status").in(EDITABLE), update,
					current -> ConditionalUpdates.invalidState("edit the request", current.status())));
	}

	/** DRAFT to OPEN: the planner will consider it from now on. */
	Mono<DemandRequest> open(String id, Caller caller, String ifMatch) {
		return find(id, caller).flatMap(current -> {
			RequestRules.checkOpenable(current, LocalDate.now(clock));
			ExpectedVersion expected = ifMatch == null ? new ExpectedVersion(current.version(), false)
					: ExpectedVersion.of(ifMatch, null);
			return lists.add(OPEN_TO_EXPERTS, List.of(current), request -> IdList.ALL, DemandRequest::id)
				.then(updates.transition(DemandRequest.class, "request", scoped(caller, id), expected,
						Criteria.where("status").is(RequestStatus.DRAFT),
						new Update().set("status", RequestStatus.OPEN).set("openedAt", clock.instant()),
						request -> ConditionalUpdates.invalidState("open the request", request.status())));
		});
	}

	/**
	 * Tells the coordinators that the request still lacks experts close to the date: once per visit date, and
	 * again if more positions fall empty since. The alert and the mark that it was given are one update.
	 *
	 * @return whether this call raised it
	 */
	public Mono<Boolean> raiseUnfilledAlert(String requestId, LocalDate date, int missing, List<Notice> notices) {
		Query due = Query.query(Criteria.where("_id").is(requestId)
			.and("status").in(RequestStatus.OPEN, RequestStatus.PLANNED)
			.orOperator(Criteria.where("unfilledAlertFor").ne(date), Criteria.where("unfilledAlertMissing").lt(missing)));
		return mongo.updateFirst(due, Outbox.append(new Update().set("unfilledAlertFor", date)
			.set("unfilledAlertMissing", missing), notices), DemandRequest.class)
			.map(result -> result.getModifiedCount() > 0);
	}

	Mono<DemandRequest> cancel(String id, Caller caller, String reason, String ifMatch) {
		ExpectedVersion expected = ifMatch == null ? null : ExpectedVersion.of(ifMatch, null);
		return updates.transition(DemandRequest.class, "request", scoped(caller, id), expected,
				Criteria.where("status").in(CANCELLABLE),
				new Update().set("status", RequestStatus.CANCELLED).set("cancellationReason", reason),
				request -> ConditionalUpdates.invalidState("cancel the request", request.status()))
			.doOnNext(cancelled -> events.publishEvent(new RequestCancelled(cancelled.id())));
	}

	private Mono<Void> checkReferences(Caller caller, String countyId, RequestInput input) {
		Mono<Void> followUp = input.followUpOf() == null ? Mono.empty()
				: mongo.exists(Query.query(new Criteria().andOperator(visibleTo(caller), byId(input.followUpOf()),
						Criteria.where("countyId").is(countyId))), DemandRequest.class)
					.flatMap(exists -> exists ? Mono.empty()
							: Mono.error(ApiProblem.invalid("followUpOf", "no earlier request of this county with that id")));
		return references.requireCounty("countyId", countyId)
			.then(references.requireSubCategory("subCategory", input.category(), input.subCategory()))
			.then(references.requireSkills("seats", input.seats().stream().map(Seat::skill).toList()))
			.thenMany(Flux.fromIterable(orEmpty(input.excludedOrganisationIds())))
			.concatMap(organisation -> references.requireOrganisation("excludedOrganisationIds", organisation))
			.then(followUp);
	}

	/** An agency posts for its own county; a coordinator names the county. */
	private static String countyFor(Caller caller, String requested) {
		if (caller.isCoordinator()) {
			if (requested == null) {
				throw ApiProblem.invalid("countyId", "is required when a coordinator posts");
			}
			return requested;
		}
		String own = caller.countyId()
			.orElseThrow(() -> new ApiProblem(ProblemType.FORBIDDEN, "Your account is not linked to a county"));
		if (requested != null && !requested.equals(own)) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "You can post requests only for your own county");
		}
		return own;
	}

	/** Coordinators see all; an agency its county; an expert only open requests. */
	private static Criteria visibleTo(Caller caller) {
		if (caller.isCoordinator()) {
			return new Criteria();
		}
		if (caller.has(Role.COUNTY_AGENCY)) {
			return caller.countyId().map(county -> Criteria.where("countyId").is(county))
				.orElse(Criteria.where("_id").exists(false));
		}
		return Criteria.where("status").is(RequestStatus.OPEN);
	}

	/** The documents a caller may change: experts change none. */
	private static Criteria scoped(Caller caller, String id) {
		Criteria writable = caller.isCoordinator() || caller.has(Role.COUNTY_AGENCY) ? visibleTo(caller)
				: Criteria.where("_id").exists(false);
		return new Criteria().andOperator(writable, byId(id));
	}

	private static Criteria byId(String id) {
		return Criteria.where("_id").is(id);
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	/** The projection {@link #categoriesOf} reads. */
	record RequestCategory(String id, ActionCategory category) {
	}

}
