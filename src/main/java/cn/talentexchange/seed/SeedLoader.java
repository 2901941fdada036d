package cn.talentexchange.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.talentexchange.database.StartupTask;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.expert.Availability;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.pairing.Skill;
import cn.talentexchange.pairing.SkillCategory;
import cn.talentexchange.security.StaffUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads {@code seeds/} into a fresh database, once: a marker document records the load, so later starts
 * change nothing. Everything is read and checked before the first write; bad data stops startup with a
 * message naming the file and the record. Documents are written by id, so a load cut short by a crash is
 * simply redone at the next start.
 */
@Component
class SeedLoader implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

	private static final String MARKER_COLLECTION = "system";

	private static final String MARKER_ID = "seeds";

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final Validator validator;

	private final SeedSettings settings;

	private final Clock clock;

	SeedLoader(ReactiveMongoTemplate mongo, JsonMapper json, Validator validator, SeedSettings settings, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.validator = validator;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int order() {
		return SEEDS;
	}

	@Override
	public Mono<Void> run() {
		if (!settings.enabled()) {
			return Mono.empty();
		}
		return mongo.getCollection(MARKER_COLLECTION)
			.flatMap(collection -> Mono.from(collection.find(new Document("_id", MARKER_ID)).first()))
			.hasElement()
			.flatMap(loaded -> loaded ? Mono.fromRunnable(() -> log.info("Seed data already loaded; nothing to do"))
					: Mono.fromCallable(this::read).flatMap(this::write));
	}

	private SeedSet read() {
		Path directory = Path.of(settings.directory());
		SeedFiles.Geography geography = parse(directory, "geography.json", new TypeReference<>() { });
		SeedFiles.Taxonomy taxonomy = parse(directory, "skills.json", new TypeReference<>() { });
		List<SeedFiles.UserSeed> users = parse(directory, "users.json", new TypeReference<>() { });
		List<SeedFiles.ExpertSeed> experts = parse(directory, "experts.json", new TypeReference<>() { });
		List<SeedFiles.RequestSeed> requests = parse(directory, "requests.json", new TypeReference<>() { });
		SeedSet seeds = new SeedSet(geography, taxonomy, users, experts, requests);
		List<String> problems = new SeedChecks(seeds).problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Invalid seed data in " + directory.toAbsolutePath() + ":\n  - "
					+ String.join("\n  - ", problems));
		}
		return seeds;
	}

	private <T> T parse(Path directory, String file, TypeReference<T> type) {
		Path path = directory.resolve(file);
		T value;
		try {
			value = json.readValue(Files.readString(path), type);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read seed file " + path.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Seed file " + path + " is not valid: " + ex.getOriginalMessage()
					+ " at " + ex.getPathReference(), ex);
		}
		List<Object> records = value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
		List<String> violations = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			for (ConstraintViolation<Object> violation : validator.validate(records.get(i))) {
				violations.add(file + " record " + i + ": " + violation.getPropertyPath() + " " + violation.getMessage());
			}
		}
		if (!violations.isEmpty()) {
			throw new IllegalStateException("Invalid seed data:\n  - " + String.join("\n  - ", violations));
		}
		return value;
	}

	private Mono<Void> write(SeedSet seeds) {
		LocalDate firstSaturday = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		Instant now = clock.instant();
		Flux<Object> documents = Flux.concat(Flux.fromIterable(seeds.geography().counties()),
				Flux.fromIterable(seeds.geography().districts()), Flux.fromIterable(seeds.geography().parks()),
				Flux.fromIterable(seeds.geography().pairings()),
				Flux.fromIterable(seeds.taxonomy().categories()).map(SeedLoader::category),
				Flux.fromIterable(seeds.taxonomy().skills())
					.map(skill -> new Skill(skill.code(), skill.category(), skill.nameZh(), skill.nameEn())),
				Flux.fromIterable(seeds.users()).map(SeedLoader::staffUser),
				Flux.fromIterable(seeds.experts()).map(expert -> expert(expert, firstSaturday, now)),
				Flux.fromIterable(seeds.requests()).map(request -> request(request, firstSaturday, now)));
		Document marker = new Document("_id", MARKER_ID).append("loadedAt", now.toString())
			.append("firstWeekend", firstSaturday.toString());
		return documents.concatMap(mongo::save, 16)
			.count()
			.flatMap(count -> mongo.getCollection(MARKER_COLLECTION)
				.flatMap(collection -> Mono.from(collection.insertOne(marker)))
				.doOnSuccess(done -> log.info("Loaded {} seed documents; weekend 0 is {}", count, firstSaturday)))
			.then();
	}

	private static SkillCategory category(SeedFiles.CategorySeed seed) {
		return new SkillCategory(seed.code().name(), seed.nameZh(), seed.nameEn(), seed.subCategories()
			.stream()
			.map(sub -> new SkillCategory.SubCategory(sub.code(), sub.nameZh(), sub.nameEn()))
			.toList());
	}

	private static StaffUser staffUser(SeedFiles.UserSeed seed) {
		return new StaffUser("user-" + seed.username(), seed.username(), seed.displayName(), Set.copyOf(seed.roles()),
				seed.countyId(), seed.organisationIds() == null ? Set.of() : Set.copyOf(seed.organisationIds()),
				seed.locale(), true, 0);
	}

	private static Expert expert(SeedFiles.ExpertSeed seed, LocalDate firstSaturday, Instant now) {
		List<LocalDate> dates = seed.availability()
			.stream()
			.flatMap(weekend -> dates(List.of(weekend.weekend()), weekend.days(), firstSaturday).stream())
			.toList();
		return new Expert(seed.id(), seed.username(), seed.displayName(), seed.phone(), seed.email(), seed.employer(),
				seed.organisationId(), seed.homeLocation(), seed.skills(), new Availability(dates, List.of()),
				seed.maxWeekendsPerMonth(), seed.maxTravelMinutes(), seed.preferredCountyIds(),
				seed.preferredCategories(), List.of(), seed.locale(), seed.contactConsent(), seed.status(), 0, now, now);
	}

	private static DemandRequest request(SeedFiles.RequestSeed seed, LocalDate firstSaturday, Instant now) {
		List<LocalDate> dates = dates(seed.acceptable().weekends(), seed.acceptable().days(), firstSaturday);
		return new DemandRequest(seed.id(), seed.countyId(), seed.postedBy(), seed.title(), seed.description(),
				seed.category(), seed.subCategory(), seed.seats(), dates, seed.duration(), seed.priority(),
				seed.location(), seed.status(), seed.followUpOf(), seed.excludedOrganisationIds(), List.of(),
				seed.internalNotes(), seed.contact(), null, 0, now, now,
				seed.status() == RequestStatus.DRAFT ? null : now);
	}

	static List<LocalDate> dates(List<Integer> weekends, List<DayOfWeek> days, LocalDate firstSaturday) {
		return weekends.stream()
			.flatMap(weekend -> days.stream()
				.map(day -> firstSaturday.plusWeeks(weekend).plusDays(day == DayOfWeek.SUNDAY ? 1 : 0)))
			.distinct()
			.sorted()
			.collect(Collectors.toList());
	}

}
