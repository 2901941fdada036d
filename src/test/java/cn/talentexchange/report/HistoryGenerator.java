package cn.talentexchange.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.DeclineReason;
import cn.talentexchange.demand.Contact;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Priority;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.demand.Site;
import cn.talentexchange.demand.VisitDuration;
import cn.talentexchange.expert.Availability;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.ExpertStatus;
import cn.talentexchange.expert.HeldSkill;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;
import cn.talentexchange.pairing.Pairing;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a plausible year of the programme straight into the database, for the report tests and the
 * benchmark: requests opened through the year (a few cancelled), each position offered until someone says
 * yes or three offers fell through, declines with reasons, expiries, offers withdrawn by a replan, visits
 * completed with hours and ratings, no-shows. The same seed gives the same history.
 */
public final class HistoryGenerator {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String[] SKILLS = { "industrial-planning", "five-year-plan-drafting", "investment-promotion",
			"agricultural-processing", "rural-tourism", "e-commerce" };

	private final ReactiveMongoTemplate mongo;

	private final SplittableRandom random;

	private int assignmentNumber;

	public HistoryGenerator(ReactiveMongoTemplate mongo, long seed) {
		this.mongo = mongo;
		this.random = new SplittableRandom(seed);
	}

	/** What was written. */
	public record History(int experts, int requests, int assignments) {
	}

	/**
	 * Adds {@code extraExperts} active experts spread over the pairings' parks and districts, then requests for
	 * the year until about {@code assignments} assignments exist. Visits land on Saturdays of the year.
	 */
	public Mono<History> generate(int year, int assignments, int extraExperts) {
		return mongo.findAll(Pairing.class).collectList().flatMap(pairings -> {
			List<Expert> newExperts = new ArrayList<>();
			for (int i = 0; i < extraExperts; i++) {
				Pairing pairing = pairings.get(i % pairings.size());
				newExperts.add(expert(i, i % 2 == 0 ? pairing.parkId() : pairing.districtId()));
			}
			return mongo.insertAll(newExperts)
				.then(mongo.find(Query.query(Criteria.where("status").is(ExpertStatus.ACTIVE)
					.and("contactConsent").is(true)), Expert.class).map(Expert::id).sort().collectList())
				.flatMap(expertIds -> {
					List<DemandRequest> requests = new ArrayList<>();
					List<Assignment> written = new ArrayList<>();
					int number = 0;
					while (written.size() < assignments) {
						Pairing pairing = pairings.get(random.nextInt(pairings.size()));
						DemandRequest request = request(year, number++, pairing.countyId());
						requests.add(request);
						written.addAll(assignmentsFor(request, expertIds));
					}
					return Flux.concat(mongo.insertAll(requests).then(), Flux.fromIterable(written).buffer(2_000)
						.concatMap(batch -> mongo.insertAll(batch).then()))
						.then(Mono.just(new History(newExperts.size(), requests.size(), written.size())));
				});
		});
	}

	private Expert expert(int number, String organisationId) {
		Instant now = Instant.parse("2024-01-01T00:00:00Z");
		List<HeldSkill> skills = List.of(new HeldSkill(SKILLS[number % SKILLS.length], 3 + number % 3),
				new HeldSkill(SKILLS[(number + 2) % SKILLS.length], 2 + number % 4));
		return new Expert("gen-ex-" + number, "gen-expert-" + number, "Generated Expert " + number, "+86 139 0000 " + number,
				null, "Generated employer", organisationId, new GeoPoint(41.80, 123.43), skills, Availability.NONE, 2, 180,
				List.of(), List.of(), List.of(), "zh-CN", true, ExpertStatus.ACTIVE, 0, now, now);
	}

	private DemandRequest request(int year, int number, String countyId) {
		LocalDate opened = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
		// Any hour of the Shanghai day, so that some requests open before 08:00, on the previous day in UTC.
		Instant openedAt = opened.atStartOfDay(ZONE).toInstant().plusSeconds(random.nextInt(24 * 3600));
		LocalDate visit = opened.plusDays(7 + random.nextInt(21)).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
		List<Seat> seats = new ArrayList<>();
		int seatCount = 1 + random.nextInt(3);
		for (int i = 0; i < seatCount; i++) {
			seats.add(new Seat(SKILLS[random.nextInt(SKILLS.length)], 2 + random.nextInt(3), 1 + random.nextInt(2)));
		}
		Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
		RequestStatus status = random.nextDouble() < 0.03 ? RequestStatus.CANCELLED : RequestStatus.COMPLETED;
		return new DemandRequest("gen-req-" + year + "-" + number, countyId, "agency-" + countyId,
				"Generated problem " + number + ", \"quoted\"", "Generated for the reports", ActionCategory.values()[number
						% ActionCategory.values().length], null, seats, List.of(visit),
				random.nextDouble() < 0.2 ? VisitDuration.WEEKEND : VisitDuration.ONE_DAY, priority,
				new Site(41.5, 122.7, "County seat"), status, null, List.of(), List.of(), null,
				new Contact("Liaison", "+86 199 0100 1000"), status == RequestStatus.CANCELLED ? "generated" : null, 0,
				openedAt.minus(Duration.ofDays(1)), openedAt, openedAt);
	}

	/** Offers each position until someone says yes, at most three times; cancelled requests get none. */
	private List<Assignment> assignmentsFor(DemandRequest request, List<String> expertIds) {
		List<Assignment> made = new ArrayList<>();
		if (request.status() == RequestStatus.CANCELLED) {
			return made;
		}
		LocalDate date = request.acceptableDates().get(0);
		boolean wholeWeekend = request.duration() == VisitDuration.WEEKEND;
		for (int seat = 0; seat < request.seats().size(); seat++) {
			for (int position = 0; position < request.seats().get(seat).count(); position++) {
				Instant offeredAt = request.openedAt().plus(Duration.ofHours(1 + random.nextInt(72)));
				for (int attempt = 0; attempt < 3; attempt++) {
					String expertId = expertIds.get(random.nextInt(expertIds.size()));
					Instant answeredAt = offeredAt.plus(Duration.ofMinutes(10 + random.nextInt(48 * 60)));
					double roll = random.nextDouble();
					List<Assignment.Transition> history = new ArrayList<>();
					AssignmentStatus status;
					Double hours = null;
					Assignment.Feedback feedback = null;
					if (roll < 0.03) {
						status = AssignmentStatus.CANCELLED;
						history.add(new Assignment.Transition(status, answeredAt, "system", "REPLANNED", null));
					}
					else if (roll < 0.15) {
						status = AssignmentStatus.DECLINED;
						DeclineReason reason = DeclineReason.values()[random.nextInt(DeclineReason.values().length)];
						history.add(new Assignment.Transition(status, answeredAt, "gen", reason.name(), null));
					}
					else if (roll < 0.20) {
						status = AssignmentStatus.EXPIRED;
						history.add(new Assignment.Transition(status, offeredAt.plus(Duration.ofHours(48)), "system",
								"DEADLINE_PASSED", null));
					}
					else {
						history.add(new Assignment.Transition(AssignmentStatus.ACCEPTED, answeredAt, "gen", null, null));
						Instant visitEnd = date.atTime(18, 0).atZone(ZONE).toInstant();
						if (random.nextDouble() < 0.05) {
							status = AssignmentStatus.NO_SHOW;
							history.add(new Assignment.Transition(status, visitEnd, "agency-" + request.countyId(), null, null));
						}
						else {
							status = AssignmentStatus.COMPLETED;
							hours = (double) (4 + random.nextInt(wholeWeekend ? 13 : 5));
							history.add(new Assignment.Transition(AssignmentStatus.CHECKED_IN, visitEnd.minusSeconds(9 * 3600),
									"gen", null, null));
							history.add(new Assignment.Transition(status, visitEnd, "gen", null, null));
							if (random.nextDouble() < 0.8) {
								Assignment.Outcome outcome = Assignment.Outcome.values()[random.nextInt(3)];
								feedback = new Assignment.Feedback(1 + random.nextInt(5), outcome, null,
										"agency-" + request.countyId(), visitEnd.plusSeconds(86_400));
							}
						}
					}
					made.add(new Assignment("gen-" + assignmentNumber++, "gen-plan", request.id(), request.countyId(), seat,
							position, request.seats().get(seat).skill(), date, wholeWeekend, expertId, status,
							offeredAt.plus(Duration.ofHours(48)), hours, history, feedback, history.size(), offeredAt,
							history.get(history.size() - 1).at(), List.of(), List.of()));
					if (!Set.of(AssignmentStatus.DECLINED, AssignmentStatus.EXPIRED, AssignmentStatus.CANCELLED).contains(status)) {
						break;
					}
					offeredAt = answeredAt.plus(Duration.ofHours(1));
				}
			}
		}
		return made;
	}

}
