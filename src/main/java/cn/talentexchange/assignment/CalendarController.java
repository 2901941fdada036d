package cn.talentexchange.assignment;

import java.time.LocalDate;
import java.time.ZoneId;
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

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An expert's accepted visits as an iCalendar file, for the phone's calendar. */
@RestController
class CalendarController {

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
		return experts.idOf(caller)
			.flatMap(expertId -> mongo.find(Query.query(Criteria.where("expertId").is(expertId)
				.and("status").in(ON_THE_CALENDAR)), Assignment.class).collectList())
			.flatMap(visits -> requests.findAllById(visits.stream().map(Assignment::requestId).distinct().toList())
				.collectMap(DemandRequest::id, Function.identity())
				.map(byId -> write(visits, byId)))
			.map(ics -> ResponseEntity.ok().contentType(CALENDAR).body(ics));
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
