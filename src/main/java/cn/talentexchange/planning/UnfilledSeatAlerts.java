package cn.talentexchange.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.talentexchange.assignment.Assignment;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.Assignments;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.notification.Audience;
import cn.talentexchange.notification.Notice;
import cn.talentexchange.notification.NotificationKind;
import cn.talentexchange.notification.Outbox;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the coordinators when a visit is close (a week by default) and still has seat positions with neither
 * an accepted expert nor an offer open: a planned request whose offers were declined or expired, or an open
 * request nobody planned. Once per request and visit date, and again when more positions fall empty.
 */
@Component
class UnfilledSeatAlerts {

	private final Requests requests;

	private final Assignments assignments;

	private final Outbox outbox;

	private final PlanningSettings settings;

	private final Clock clock;

	UnfilledSeatAlerts(Requests requests, Assignments assignments, Outbox outbox, PlanningSettings settings, Clock clock) {
		this.requests = requests;
		this.assignments = assignments;
		this.outbox = outbox;
		this.settings = settings;
		this.clock = clock;
	}

	/** Raises the alerts now due; returns how many. */
	Mono<Long> raise() {
		LocalDate today = LocalDate.now(clock);
		LocalDate horizon = LocalDate.ofInstant(clock.instant().plus(settings.unfilledAlertWithin()), clock.getZone());
		Flux<Unfilled> planned = assignments.between(today, horizon, List.of(AssignmentStatus.values()))
			.collectMultimap(Assignment::requestId)
			.flatMapMany(byRequest -> requests.findAllById(byRequest.keySet())
				.filter(request -> request.status() == RequestStatus.PLANNED)
				.map(request -> {
					List<Assignment> all = List.copyOf(byRequest.get(request.id()));
					// An offer still open may yet be accepted: only positions with neither count as missing.
					long taken = all.stream().filter(held -> AssignmentStatus.COMMITTED.contains(held.status())
							|| held.status() == AssignmentStatus.COMPLETED
							|| held.status() == AssignmentStatus.OFFERED && held.offerDeadline().isAfter(clock.instant()))
						.count();
					return new Unfilled(request, all.get(0).date(), request.seatPositions() - (int) taken);
				}));
		Flux<Unfilled> open = requests.openIn(List.of())
			.flatMap(request -> Mono.justOrEmpty(request.acceptableDates().stream()
				.filter(date -> !date.isBefore(today))
				.findFirst()
				.filter(date -> !date.isAfter(horizon))
				.map(date -> new Unfilled(request, date, request.seatPositions()))));
		return Flux.concat(planned, open)
			.filter(unfilled -> unfilled.missing() > 0)
			.concatMap(unfilled -> requests.raiseUnfilledAlert(unfilled.request().id(), unfilled.date(), unfilled.missing(),
					List.of(Notice.of(NotificationKind.SEAT_UNFILLED, Audience.coordinators(), unfilled.request().id(),
							unfilled.request().id(), Map.of("date", unfilled.date().toString(), "county",
									unfilled.request().countyId(), "missing", Integer.toString(unfilled.missing())),
							null, clock.instant()))))
			.filter(Boolean::booleanValue)
			.count()
			.doOnNext(raised -> {
				if (raised > 0) {
					outbox.nudge();
				}
			});
	}

	private record Unfilled(DemandRequest request, LocalDate date, int missing) {
	}

}
