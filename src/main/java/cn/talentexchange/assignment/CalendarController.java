package cn.talentexchange.assignment;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.AbsoluteLinks;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An expert's accepted visits as an iCalendar file, for the phone's calendar, by token or by subscription link. */
@RestController
class CalendarController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private static final List<AssignmentStatus> ON_THE_CALENDAR = List.of(AssignmentStatus.ACCEPTED,
			AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED);

	private final ReactiveMongoTemplate mongo;

	private final Experts experts;

	private final Requests requests;

	CalendarController(ReactiveMongoTemplate mongo, Experts experts, Requests requests) {
		this.mongo = mongo;
		this.experts = experts;
		this.requests = requests;
	}

	@GetMapping("/api/v1/experts/me/calendar.ics")
	Mono<ResponseEntity<String>> calendar(Caller caller) {
		return experts.idOf(caller).flatMap(this::calendarOf);
	}

	/**
	 * The link a phone calendar subscribes to: it cannot send a token, so the secret is in the path.
	 * Asking again returns the same link; deleting it revokes the link.
	 */
	@PostMapping("/api/v1/experts/me/calendar-feed")
	Mono<CalendarFeedView> feed(Caller caller, ServerHttpRequest request) {
		return experts.idOf(caller)
			.flatMap(expertId -> mongo.findOne(Query.query(Criteria.where("expertId").is(expertId)), CalendarFeed.class)
				.switchIfEmpty(Mono.defer(() -> mongo.insert(new CalendarFeed(secret(), expertId))
					.onErrorResume(DuplicateKeyException.class, raced -> mongo.findOne(
							Query.query(Criteria.where("expertId").is(expertId)), CalendarFeed.class)))))
			.map(feed -> new CalendarFeedView(AbsoluteLinks.to(request, "/api/v1/calendar-feeds/" + feed.id() + ".ics")));
	}

	@DeleteMapping("/api/v1/experts/me/calendar-feed")
	Mono<ResponseEntity<Void>> revokeFeed(Caller caller) {
		return experts.idOf(caller)
			.flatMap(expertId -> mongo.remove(Query.query(Criteria.where("expertId").is(expertId)), CalendarFeed.class))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@GetMapping("/api/v1/calendar-feeds/{token}.ics")
	Mono<ResponseEntity<String>> subscribed(@PathVariable String token) {
		return mongo.findById(token, CalendarFeed.class)
			.switchIfEmpty(Mono.error(() -> new ApiProblem(ProblemType.NOT_FOUND, "No such calendar feed")))
			.flatMap(feed -> calendarOf(feed.expertId()));
	}

	private Mono<ResponseEntity<String>> calendarOf(String expertId) {
		return mongo.find(Query.query(Criteria.where("expertId").is(expertId).and("status").in(ON_THE_CALENDAR)),
				Assignment.class)
			.collectList()
			.flatMap(visits -> requests.findAllById(visits.stream().map(Assignment::requestId).distinct().toList())
				.collectMap(DemandRequest::id, Function.identity())
				.map(byId -> write(visits, byId)))
			.map(ics -> ResponseEntity.ok().contentType(CALENDAR).body(ics));
	}

	private static String secret() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A subscription link's secret and whose visits it shows. */
	@Document("calendarFeeds")
	record CalendarFeed(String id, String expertId) {
	}

	record CalendarFeedView(String url) {
	}

	private static String write(List<Assignment> visits, Map<String, DemandRequest> requests) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//talent-exchange//weekend visits//ZH");
		for (Assignment visit : visits) {
			DemandRequest request = requests.get(visit.requestId());
			VEvent event = new VEvent();
			// The assignment id keeps the event's identity, so a re-subscribed calendar updates rather than duplicates.
			event.setUid(visit.id() + "@talent-exchange");
			event.setSummary(request == null ? visit.skill() : request.title());
			event.setDateStart(allDay(visit.date()), false);
			event.setDateEnd(allDay(visit.date().plusDays(visit.wholeWeekend() ? 2 : 1)), false);
			if (request != null) {
				event.setLocation(request.location().address());
				event.setDescription(request.description());
			}
			event.setStatus(Status.confirmed());
			calendar.addEvent(event);
		}
		return Biweekly.write(calendar).go();
	}

	/** biweekly writes a date-only value in the JVM's zone, so the day starts there. */
	private static Date allDay(LocalDate date) {
		return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

}
