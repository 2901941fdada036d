package cn.talentexchange.secondment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.talentexchange.database.StartupTask;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.Skill;
import cn.talentexchange.secondment.SecondmentPost.PostStatus;
import cn.talentexchange.seed.SeedSettings;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads {@code seeds/secondments.json} once, after the main seeds, behind a marker of its own (so a database
 * seeded before secondments existed gets them too). Months are relative to the month of loading: a demo that
 * never goes stale, with a completed placement in each pairing's past and active ones now.
 */
@Component
class SecondmentSeeds implements StartupTask {

	private static final Logger log = LoggerFactory.getLogger(SecondmentSeeds.class);

	private static final String MARKER_ID = "secondment-seeds";

	private static final String FILE = "secondments.json";

	private final ReactiveMongoTemplate mongo;

	private final JsonMapper json;

	private final SeedSettings settings;

	private final Clock clock;

	private final SecondmentReferences organisations;

	SecondmentSeeds(ReactiveMongoTemplate mongo, JsonMapper json, SeedSettings settings, Clock clock,
			SecondmentReferences organisations) {
		this.organisations = organisations;
		this.mongo = mongo;
		this.json = json;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int order() {
		return SEEDS + 10;
	}

	@Override
	public Mono<Void> run() {
		Path file = Path.of(settings.directory(), FILE);
		if (!settings.enabled() || !Files.isRegularFile(file)) {
			return Mono.empty();
		}
		return mongo.getCollection("system")
			.flatMap(system -> Mono.from(system.find(new Document("_id", MARKER_ID)).first()))
			.hasElement()
			.flatMap(loaded -> loaded ? Mono.empty()
					: Mono.zip(mongo.findAll(Skill.class).map(Skill::id).collect(Collectors.toSet()),
							organisations.pairingsByArea())
						.flatMap(known -> write(read(file), known.getT1(), known.getT2())));
	}

	private SeedFile read(Path file) {
		try {
			return json.readValue(Files.readString(file), SeedFile.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read seed file " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Seed file " + file + " is not valid: " + ex.getOriginalMessage() + " at "
					+ ex.getPathReference(), ex);
		}
	}

	private Mono<Void> write(SeedFile seeds, Set<String> skills, Map<String, Pairing> byArea) {
		LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		Map<String, SecondmentOrganisation> organisations = seeds.organisations().stream()
			.collect(Collectors.toMap(SecondmentOrganisation::id, Function.identity()));
		List<String> problems = new ArrayList<>();
		Map<String, SecondmentPost> posts = new HashMap<>();
		for (PostSeed seed : seeds.posts()) {
			SecondmentOrganisation host = organisations.get(seed.hostOrganisationId());
			if (host == null) {
				problems.add("post " + seed.id() + ": no organisation " + seed.hostOrganisationId());
				continue;
			}
			seed.requiredSkills().stream().filter(required -> !skills.contains(required.skill()))
				.forEach(required -> problems.add("post " + seed.id() + ": no skill " + required.skill()));
			LocalDate start = month.plusMonths(seed.startMonth());
			Period period = new Period(start, start.plusMonths(seed.months()).minusDays(1));
			posts.put(seed.id(), new SecondmentPost(seed.id(), host.id(), host.areaId(), seed.role(), seed.description(),
					seed.requiredSkills(), period, seed.positions(), seed.direction(), seed.priority(),
					period.end().isBefore(today) ? PostStatus.CLOSED : PostStatus.OPEN, "seed", 0, now, now));
		}
		Map<String, SecondmentCandidate> candidates = new HashMap<>();
		for (CandidateSeed seed : seeds.candidates()) {
			SecondmentOrganisation home = organisations.get(seed.homeOrganisationId());
			if (home == null) {
				problems.add("candidate " + seed.id() + ": no organisation " + seed.homeOrganisationId());
				continue;
			}
			List<Period> availability = seed.availability().stream()
				.map(free -> new Period(month.plusMonths(free.fromMonth()), month.plusMonths(free.toMonth() + 1L).minusDays(1)))
				.toList();
			candidates.put(seed.id(), new SecondmentCandidate(seed.id(), seed.name(), home.id(), home.areaId(), null,
					seed.skills(), availability, seed.preferredAreaIds(), "seed", List.of(), 0, now, now));
		}
		List<Secondment> placements = new ArrayList<>();
		Set<String> placed = new HashSet<>();
		for (PlacementSeed seed : seeds.placements()) {
			SecondmentPost post = posts.get(seed.postId());
			SecondmentCandidate candidate = candidates.get(seed.candidateId());
			if (post == null || candidate == null || !placed.add(seed.id())) {
				problems.add("placement " + seed.id() + ": unknown post or candidate, or a repeated id");
				continue;
			}
			SecondmentOrganisation home = organisations.get(candidate.homeOrganisationId());
			SecondmentOrganisation host = organisations.get(post.hostOrganisationId());
			if (!post.direction().allows(home, host)) {
				problems.add("placement " + seed.id() + ": " + home.id() + " does not fit " + post.direction());
			}
			Secondment.Approval approved = new Secondment.Approval("seed", now);
			List<Secondment.Transition> history = new ArrayList<>(List.of(
					new Secondment.Transition(SecondmentStatus.NOMINATED, now, "seed", null),
					new Secondment.Transition(SecondmentStatus.APPROVED, now, "seed", null),
					new Secondment.Transition(SecondmentStatus.ACTIVE, now, "seed", null)));
			if (seed.status() == SecondmentStatus.COMPLETED) {
				history.add(new Secondment.Transition(SecondmentStatus.COMPLETED, now, "seed", null));
			}
			placements.add(new Secondment(seed.id(), post.id(), seed.position(), candidate.id(), candidate.name(), null,
					home.id(), home.areaId(), host.id(), host.areaId(), SecondmentReferences.pairingOf(home, host, byArea),
					post.direction(), post.period(), seed.status(), new Secondment.Approvals(approved, approved), null, null,
					null, seed.status() == SecondmentStatus.COMPLETED ? post.period().end() : null, history, 0, now, now, null));
			List<SecondmentCandidate.Commitment> commitments = new ArrayList<>(candidate.commitments());
			commitments.add(new SecondmentCandidate.Commitment(seed.id(), post.period()));
			candidates.put(candidate.id(), new SecondmentCandidate(candidate.id(), candidate.name(),
					candidate.homeOrganisationId(), candidate.homeAreaId(), null, candidate.skills(), candidate.availability(),
					candidate.preferredAreaIds(), candidate.nominatedBy(), commitments, 0, now, now));
		}
		if (!problems.isEmpty()) {
			return Mono.error(new IllegalStateException("Invalid seed data in " + FILE + ":\n  - " + String.join("\n  - ", problems)));
		}
		Document marker = new Document("_id", MARKER_ID).append("loadedAt", now.toString()).append("month", month.toString());
		return Flux.concat(Flux.fromIterable(seeds.organisations()), Flux.fromIterable(posts.values()),
				Flux.fromIterable(candidates.values()), Flux.fromIterable(placements))
			.concatMap(mongo::save, 16)
			.count()
			.flatMap(count -> mongo.getCollection("system")
				.flatMap(system -> Mono.from(system.insertOne(marker)))
				.doOnSuccess(done -> log.info("Loaded {} secondment seed documents; month 0 is {}", count, month)))
			.then();
	}

	record SeedFile(List<SecondmentOrganisation> organisations, List<PostSeed> posts, List<CandidateSeed> candidates,
			List<PlacementSeed> placements) {
	}

	/** A post whose period starts {@code startMonth} months after the month of loading (negative: before). */
	record PostSeed(String id, String hostOrganisationId, String role, String description,
			List<RequiredSkill> requiredSkills, int startMonth, int months, int positions, Direction direction,
			Priority priority) {
	}

	record CandidateSeed(String id, String name, String homeOrganisationId, List<HeldSkill> skills,
			List<MonthRange> availability, List<String> preferredAreaIds) {
	}

	/** Whole months, relative to the month of loading, both included. */
	record MonthRange(int fromMonth, int toMonth) {
	}

	record PlacementSeed(String id, String postId, int position, String candidateId, SecondmentStatus status) {
	}

}
