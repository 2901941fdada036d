package cn.talentexchange.expert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import cn.talentexchange.database.ConditionalUpdates;
import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.security.AccountDirectory;
import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ExpectedVersion;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;
import cn.talentexchange.web.ProblemType;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The expert module's service: profiles, availability and devices, each change one conditional update. */
@Component
public class Experts {

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	private final ConditionalUpdates updates;

	private final ReferenceData references;

	private final Clock clock;

	private final List<AccountDirectory> accounts;

	Experts(ReactiveMongoTemplate mongo, PagedQueries pages, ConditionalUpdates updates, ReferenceData references,
			Clock clock, List<AccountDirectory> accounts) {
		this.accounts = accounts;
		this.mongo = mongo;
		this.pages = pages;
		this.updates = updates;
		this.references = references;
		this.clock = clock;
	}

	/** Experts the planner may use: active and willing to be contacted. */
	public Flux<Expert> plannable() {
		return mongo.find(plannableOnes(), Expert.class);
	}

	/** The organisation of each expert the planner may use, by expert id, read without the rest of the profile. */
	public Mono<Map<String, String>> organisationByPlannableExpert() {
		return organisations(plannableOnes());
	}

	/** The organisation of each of these experts, whatever their status, by expert id. */
	public Mono<Map<String, String>> organisationByExpert(Collection<String> expertIds) {
		return expertIds.isEmpty() ? Mono.just(Map.of()) : organisations(Query.query(Criteria.where("_id").in(expertIds)));
	}

	private Mono<Map<String, String>> organisations(Query query) {
		query.fields().include("organisationId");
		return mongo.find(query, Document.class, "experts")
			.filter(expert -> expert.getString("organisationId") != null)
			.collectMap(expert -> expert.getString("_id"), expert -> expert.getString("organisationId"));
	}

	private static Query plannableOnes() {
		return Query.query(Criteria.where("status").is(ExpertStatus.ACTIVE).and("contactConsent").is(true));
	}

	/**
	 * The id of the caller's expert profile; a 404 problem when they have none. The phone's every read starts here,
	 * so only the id crosses the wire.
	 */
	public Mono<String> idOf(Caller caller) {
		Query own = Query.query(own(caller));
		own.fields().include("_id");
		return mongo.findOne(own, org.bson.Document.class, mongo.getCollectionName(Expert.class))
			.map(found -> String.valueOf(found.get("_id")))
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "You have no expert profile")));
	}

	public Flux<Expert> findAllById(Collection<String> expertIds) {
		return mongo.find(Query.query(Criteria.where("_id").in(expertIds)), Expert.class);
	}

	/** Who the experts are, without their skills, dates and devices: what a roster shows next to a seat. */
	public Flux<ExpertCard> cards(Collection<String> expertIds) {
		Query cards = Query.query(Criteria.where("_id").in(expertIds));
		cards.fields().include("_id", "displayName", "organisationId", "phone");
		return mongo.find(cards, org.bson.Document.class, mongo.getCollectionName(Expert.class))
			.map(found -> new ExpertCard(String.valueOf(found.get("_id")), found.getString("displayName"),
					found.getString("organisationId"), found.getString("phone")));
	}

	/** Experts by login, for the devices notifications go to. */
	public Flux<Expert> withUsernames(Collection<String> usernames) {
		return mongo.find(Query.query(Criteria.where("username").in(usernames)), Expert.class);
	}

	/** Forgets devices whose tokens the push channel reported as gone for good. */
	public Mono<Void> forgetDevices(Collection<String> tokens) {
		return mongo.updateMulti(Query.query(Criteria.where("devices.token").in(tokens)),
				new Update().pull("devices", Query.query(Criteria.where("token").in(tokens))), Expert.class)
			.then();
	}

	Mono<PagedList<Expert>> search(ExpertSearch search, Paging paging) {
		return pages.page(Query.query(search.criteria()), Sort.by("username"), paging, Expert.class);
	}

	/** Coordinators and admins see any expert; an expert sees only themself, so another's id is a 404. */
	Mono<Expert> find(String id, Caller caller) {
		return mongo.findOne(Query.query(visibleTo(caller).and("_id").is(id)), Expert.class)
			.switchIfEmpty(Mono.error(() -> ApiProblem.notFound("expert", id)));
	}

	Mono<Expert> mine(Caller caller) {
		return mongo.findOne(Query.query(own(caller)), Expert.class)
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "You have no expert profile")));
	}

	Mono<Expert> register(NewExpert input) {
		ExpertRules.requireSkillsOnce(input.skills());
		Instant now = clock.instant();
		Expert expert = new Expert(new ObjectId().toHexString(), input.username(), input.displayName(), input.phone(),
				input.email(), input.employer(), input.organisationId(), input.homeLocation(), input.skills(),
				Availability.NONE, input.maxWeekendsPerMonth(), input.maxTravelMinutes(), input.preferredCountyIds(),
				input.preferredCategories(), List.of(), localeOrDefault(input.locale()), input.contactConsent(),
				ExpertStatus.ACTIVE, 0, now, now);
		return checkReferences(expert.organisationId(), expert.skills(), expert.preferredCountyIds())
			.then(requireFreeUsername(expert.username()))
			.then(mongo.insert(expert));
	}

	Mono<Expert> change(String id, ExpertChanges input, ExpectedVersion expected) {
		ExpertRules.requireSkillsOnce(input.skills());
		Update update = new Update().set("displayName", input.displayName())
			.set("phone", input.phone())
			.set("email", input.email())
			.set("employer", input.employer())
			.set("organisationId", input.organisationId())
			.set("homeLocation", input.homeLocation())
			.set("skills", input.skills())
			.set("maxWeekendsPerMonth", input.maxWeekendsPerMonth())
			.set("maxTravelMinutes", input.maxTravelMinutes())
			.set("preferredCountyIds", orEmpty(input.preferredCountyIds()))
			.set("preferredCategories", orEmpty(input.preferredCategories()))
			.set("locale", localeOrDefault(input.locale()))
			.set("contactConsent", input.contactConsent())
			.set("status", input.status());
		return checkReferences(input.organisationId(), input.skills(), orEmpty(input.preferredCountyIds()))
			.then(updates.update(Expert.class, "expert", Criteria.where("_id").is(id), expected, update));
	}

	Mono<Expert> changeProfile(Caller caller, ProfileChanges input, ExpectedVersion expected) {
		Update update = new Update().set("displayName", input.displayName())
			.set("phone", input.phone())
			.set("email", input.email())
			.set("homeLocation", input.homeLocation())
			.set("maxWeekendsPerMonth", input.maxWeekendsPerMonth())
			.set("maxTravelMinutes", input.maxTravelMinutes())
			.set("preferredCountyIds", orEmpty(input.preferredCountyIds()))
			.set("preferredCategories", orEmpty(input.preferredCategories()))
			.set("locale", localeOrDefault(input.locale()))
			.set("contactConsent", input.contactConsent())
			.set("status", input.paused() ? ExpertStatus.PAUSED : ExpertStatus.ACTIVE);
		return Flux.fromIterable(orEmpty(input.preferredCountyIds()))
			.concatMap(county -> references.requireCounty("preferredCountyIds", county))
			.then(updates.update(Expert.class, "expert profile", ownActive(caller), expected, update));
	}

	Mono<Expert> changeAvailability(Caller caller, AvailabilityChanges input, ExpectedVersion expected) {
		LocalDate today = LocalDate.now(clock);
		ExpertRules.requireWeekendDates("dates", input.dates(), today);
		ExpertRules.requireWeekendDates("blackoutDates", orEmpty(input.blackoutDates()), today);
		Availability availability = new Availability(input.dates(), input.blackoutDates());
		return updates.update(Expert.class, "expert profile", ownActive(caller), expected,
				new Update().set("availability", availability));
	}

	/**
	 * Removes, then adds, single dates; with no expected version, on whatever the profile holds now. Dates already
	 * past are dropped: they offer nothing.
	 */
	Mono<Expert> editAvailability(Caller caller, AvailabilityEdits edits, ExpectedVersion expected) {
		if (edits.isEmpty()) {
			throw ApiProblem.invalid("", "name at least one date to add or remove");
		}
		LocalDate today = LocalDate.now(clock);
		ExpertRules.requireWeekendDates("addDates", edits.addDates(), today);
		ExpertRules.requireWeekendDates("addBlackoutDates", edits.addBlackoutDates(), today);
		return updates.updateCurrent(Expert.class, "expert profile", ownActive(caller), expected, current -> {
			Availability edited = new Availability(
					edited(current.availability().dates(), edits.removeDates(), edits.addDates(), today),
					edited(current.availability().blackoutDates(), edits.removeBlackoutDates(), edits.addBlackoutDates(),
							today));
			ExpertRules.requireAtMostDates("addDates", edited.dates());
			ExpertRules.requireAtMostDates("addBlackoutDates", edited.blackoutDates());
			return new Update().set("availability", edited);
		});
	}

	private static List<LocalDate> edited(List<LocalDate> held, List<LocalDate> removed, List<LocalDate> added,
			LocalDate today) {
		Set<LocalDate> result = new TreeSet<>(held);
		result.removeAll(removed);
		result.addAll(added);
		result.removeIf(date -> date.isBefore(today));
		return List.copyOf(result);
	}

	/**
	 * Registering a known token refreshes it, so a phone can announce itself at every start. Retired
	 * experts get no new devices: nothing should reach them any more.
	 */
	Mono<DeviceRegistered> registerDevice(Caller caller, DeviceRegistration input) {
		Instant now = clock.instant();
		Query known = Query.query(ownActive(caller).and("devices.token").is(input.token()));
		Update refresh = new Update().set("devices.$.lastSeenAt", now).set("devices.$.platform", input.platform());
		Device fresh = new Device(UUID.randomUUID().toString(), input.token(), input.platform(), now, now);
		Query unknown = Query.query(ownActive(caller).and("devices.token").ne(input.token()));
		return mongo.updateFirst(known, refresh, Expert.class)
			.flatMap(refreshed -> refreshed.getMatchedCount() > 0 ? Mono.just(false)
					: mongo.updateFirst(unknown, new Update().push("devices", fresh), Expert.class)
						.map(added -> added.getModifiedCount() > 0))
			.flatMap(created -> mine(caller).flatMap(expert -> Mono.justOrEmpty(expert.devices().stream()
				.filter(device -> device.token().equals(input.token()))
				.findFirst()
				.map(device -> new DeviceRegistered(device, created)))))
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "You have no active expert profile")));
	}

	/** The device a phone registered, and whether this call added it (rather than refreshing it). */
	record DeviceRegistered(Device device, boolean created) {
	}

	Mono<Void> removeDevice(Caller caller, String deviceId) {
		Query query = Query.query(ownActive(caller).and("devices.id").is(deviceId));
		return mongo.updateFirst(query, new Update().pull("devices", new Document("id", deviceId)), Expert.class)
			.flatMap(result -> result.getModifiedCount() > 0 ? Mono.<Void>empty()
					: Mono.error(ApiProblem.notFound("device", deviceId)));
	}

	/** Expert usernames are unique by index; staff accounts live elsewhere, so they are asked. */
	private Mono<Void> requireFreeUsername(String username) {
		return Flux.fromIterable(accounts)
			.concatMap(directory -> directory.findActive(username))
			.hasElements()
			.flatMap(taken -> taken ? Mono.error(new ApiProblem(ProblemType.DUPLICATE,
					"The username '" + username + "' is taken")) : Mono.empty());
	}

	private Mono<Void> checkReferences(String organisationId, List<HeldSkill> skills, List<String> preferredCountyIds) {
		return references.requireOrganisation("organisationId", organisationId)
			.then(references.requireSkills("skills", skills.stream().map(HeldSkill::skill).toList()))
			.thenMany(Flux.fromIterable(preferredCountyIds))
			.concatMap(county -> references.requireCounty("preferredCountyIds", county))
			.then();
	}

	private static Criteria visibleTo(Caller caller) {
		return caller.isCoordinator() || caller.has(Role.ADMIN) ? new Criteria() : own(caller);
	}

	private static Criteria own(Caller caller) {
		return Criteria.where("username").is(caller.username());
	}

	/** A retired expert's token may stay valid for a while; their profile no longer changes. */
	private static Criteria ownActive(Caller caller) {
		return own(caller).and("status").ne(ExpertStatus.RETIRED);
	}

	private static String localeOrDefault(String locale) {
		return locale == null ? "zh-CN" : locale;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

}
