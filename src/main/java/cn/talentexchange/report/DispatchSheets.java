package cn.talentexchange.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.talentexchange.Clocks;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.assignment.VisitFacts.VisitFact;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.RequestStatus;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.demand.Seat;
import cn.talentexchange.expert.Expert;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.ReferenceData;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Builds the ten-day dispatch sheet from the assignments and requests around the window. */
@Component
class DispatchSheets {

	static final int DAYS = 10;

	/** Someone is on the position: asked, coming, or it already happened. */
	private static final Set<AssignmentStatus> ON_POSITION = Set.of(AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED,
			AssignmentStatus.CHECKED_IN, AssignmentStatus.COMPLETED, AssignmentStatus.NO_SHOW);

	private final VisitFacts visitFacts;

	private final Requests requests;

	private final Experts experts;

	private final ReferenceData references;

	private final Clock clock;

	DispatchSheets(VisitFacts visitFacts, Requests requests, Experts experts, ReferenceData references, Clock clock) {
		this.visitFacts = visitFacts;
		this.requests = requests;
		this.experts = experts;
		this.references = references;
		this.clock = clock;
	}

	Mono<DispatchSheet> sheet(LocalDate from, ReportScope scope) {
		LocalDate to = from.plusDays(DAYS - 1);
		LocalDate lookBack = from.minusDays(DAYS);
		Instant windowStart = from.atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant();
		Instant firstDayEnd = from.plusDays(1).atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant();
		// Read on its first day, the sheet also lists that day's declines so far.
		Instant now = clock.instant();
		Instant declinesUntil = now.isAfter(windowStart) && now.isBefore(firstDayEnd) ? now : windowStart;
		Mono<List<String>> counties = references.pairings()
			.map(Pairing::countyId)
			.filter(scope::sees)
			.distinct()
			.sort()
			.collectList();
		Mono<List<VisitFact>> coming = visitFacts.visitsBetween(from, to).filter(fact -> scope.sees(fact.countyId())).collectList();
		Mono<List<VisitFact>> declines = visitFacts.declinedBetween(lookBack.atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant(),
				declinesUntil).filter(fact -> scope.sees(fact.countyId())).collectList();
		Mono<List<VisitFact>> noShows = visitFacts.noShowsBetween(lookBack, from.minusDays(1))
			.filter(fact -> scope.sees(fact.countyId()))
			.collectList();
		return Mono.zip(counties, coming, declines, noShows).flatMap(loaded -> {
			List<String> countyIds = loaded.getT1();
			Set<String> requestIds = new HashSet<>();
			Set<String> expertIds = new HashSet<>();
			for (List<VisitFact> facts : List.of(loaded.getT2(), loaded.getT3(), loaded.getT4())) {
				facts.forEach(fact -> {
					requestIds.add(fact.requestId());
					expertIds.add(fact.expertId());
				});
			}
			Mono<Map<String, DemandRequest>> requestsById = Flux
				.concat(requests.findAllById(requestIds),
						countyIds.isEmpty() ? Flux.<DemandRequest>empty()
								: requests.openIn(countyIds).filter(request -> firstDateIn(request, from, to) != null))
				.collectMap(DemandRequest::id, Function.identity());
			Mono<Map<String, String>> names = experts.findAllById(expertIds).collectMap(Expert::id, Expert::displayName);
			return Mono.zip(requestsById, names)
				.map(found -> new Sheet(from, to, found.getT1(), found.getT2())
					.write(countyIds, loaded.getT2(), loaded.getT3(), loaded.getT4()));
		});
	}

	private static LocalDate firstDateIn(DemandRequest request, LocalDate from, LocalDate to) {
		return request.acceptableDates().stream().filter(day -> !day.isBefore(from) && !day.isAfter(to)).findFirst().orElse(null);
	}

	/** One sheet being written, with the requests and names it refers to. */
	private final class Sheet {

		private final LocalDate from;

		private final LocalDate to;

		private final Map<String, DemandRequest> requestsById;

		private final Map<String, String> names;

		Sheet(LocalDate from, LocalDate to, Map<String, DemandRequest> requestsById, Map<String, String> names) {
			this.from = from;
			this.to = to;
			this.requestsById = requestsById;
			this.names = names;
		}

		DispatchSheet write(List<String> countyIds, List<VisitFact> coming, List<VisitFact> declines,
				List<VisitFact> noShows) {
			Map<String, List<VisitFact>> comingByRequest = coming.stream()
				.collect(Collectors.groupingBy(VisitFact::requestId, TreeMap::new, Collectors.toList()));
			List<DispatchSheet.CountySheet> sheets = new ArrayList<>();
			for (String countyId : countyIds) {
				List<DispatchSheet.ComingVisit> visits = new ArrayList<>();
				comingByRequest.forEach((requestId, facts) -> {
					DemandRequest request = requestsById.get(requestId);
					if (request != null && request.countyId().equals(countyId)
							&& request.status() != RequestStatus.CANCELLED) {
						visits.add(planned(request, facts));
					}
				});
				requestsById.values().stream()
					.filter(request -> request.countyId().equals(countyId) && request.status() == RequestStatus.OPEN
							&& !comingByRequest.containsKey(request.id()) && firstDateIn(request, from, to) != null)
					.forEach(request -> visits.add(notPlanned(request)));
				visits.sort(Comparator.comparing(DispatchSheet.ComingVisit::date)
					.thenComparing(DispatchSheet.ComingVisit::requestId));
				sheets.add(new DispatchSheet.CountySheet(countyId, visits, waiting(countyId, coming),
						declined(countyId, declines), noShows(countyId, noShows)));
			}
			return new DispatchSheet(from, to, clock.instant(), sheets);
		}

		private DispatchSheet.ComingVisit planned(DemandRequest request, List<VisitFact> facts) {
			// The date the seats are held for; a request whose offers all fell away keeps its latest offer's date.
			LocalDate date = facts.stream()
				.max(Comparator.comparing((VisitFact fact) -> ON_POSITION.contains(fact.status()))
					.thenComparing(VisitFact::createdAt))
				.orElseThrow()
				.date();
			List<DispatchSheet.SeatLine> seats = new ArrayList<>();
			int confirmed = 0;
			int offered = 0;
			int unfilled = 0;
			for (int seat = 0; seat < request.seats().size(); seat++) {
				Seat wanted = request.seats().get(seat);
				List<DispatchSheet.Person> people = new ArrayList<>();
				List<DispatchSheet.EmptyPosition> empty = new ArrayList<>();
				for (int position = 0; position < wanted.count(); position++) {
					int seatIndex = seat;
					int positionIndex = position;
					List<VisitFact> onPosition = facts.stream()
						.filter(fact -> fact.seat() == seatIndex && fact.position() == positionIndex)
						.toList();
					List<VisitFact> holders = onPosition.stream().filter(fact -> ON_POSITION.contains(fact.status())).toList();
					for (VisitFact holder : holders) {
						people.add(new DispatchSheet.Person(position, holder.id(), holder.expertId(),
								names.get(holder.expertId()), holder.status(), holder.offerDeadline()));
						confirmed += AssignmentStatus.FILLED.contains(holder.status()) ? 1 : 0;
						offered += holder.status() == AssignmentStatus.OFFERED ? 1 : 0;
					}
					if (holders.isEmpty()) {
						unfilled++;
						empty.add(emptyPosition(position, onPosition));
					}
				}
				seats.add(new DispatchSheet.SeatLine(seat, wanted.skill(), wanted.count(), people, empty));
			}
			return new DispatchSheet.ComingVisit(request.id(), request.title(), request.priority(), request.status(), date,
					true, request.seatPositions(), confirmed, offered, unfilled, seats);
		}

		private static DispatchSheet.EmptyPosition emptyPosition(int position, List<VisitFact> onPosition) {
			return onPosition.stream()
				.filter(fact -> fact.givenBack() != null)
				.max(Comparator.comparing(fact -> fact.givenBack().at()))
				.map(last -> new DispatchSheet.EmptyPosition(position, DispatchSheet.WhyEmpty.GIVEN_BACK, last.status(),
						last.declineReason()))
				.orElse(new DispatchSheet.EmptyPosition(position, DispatchSheet.WhyEmpty.NO_CANDIDATE, null, null));
		}

		private DispatchSheet.ComingVisit notPlanned(DemandRequest request) {
			List<DispatchSheet.SeatLine> seats = new ArrayList<>();
			for (int seat = 0; seat < request.seats().size(); seat++) {
				Seat wanted = request.seats().get(seat);
				List<DispatchSheet.EmptyPosition> empty = new ArrayList<>();
				for (int position = 0; position < wanted.count(); position++) {
					empty.add(new DispatchSheet.EmptyPosition(position, DispatchSheet.WhyEmpty.NOT_PLANNED, null, null));
				}
				seats.add(new DispatchSheet.SeatLine(seat, wanted.skill(), wanted.count(), List.of(), empty));
			}
			return new DispatchSheet.ComingVisit(request.id(), request.title(), request.priority(), request.status(),
					firstDateIn(request, from, to), false, request.seatPositions(), 0, 0, request.seatPositions(), seats);
		}

		private List<DispatchSheet.WaitingOffer> waiting(String countyId, List<VisitFact> coming) {
			return coming.stream()
				.filter(fact -> fact.countyId().equals(countyId) && fact.status() == AssignmentStatus.OFFERED)
				.sorted(Comparator.comparing(VisitFact::offerDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
					.thenComparing(VisitFact::id))
				.map(fact -> new DispatchSheet.WaitingOffer(fact.id(), fact.requestId(), title(fact), fact.expertId(),
						names.get(fact.expertId()), fact.date(), fact.offerDeadline()))
				.toList();
		}

		private List<DispatchSheet.RecentDecline> declined(String countyId, List<VisitFact> declines) {
			return declines.stream()
				.filter(fact -> fact.countyId().equals(countyId))
				.sorted(Comparator.comparing((VisitFact fact) -> fact.declined().at()).thenComparing(VisitFact::id))
				.map(fact -> new DispatchSheet.RecentDecline(fact.id(), fact.requestId(), title(fact), fact.expertId(),
						names.get(fact.expertId()), fact.date(), fact.declined().at(), fact.declineReason(),
						fact.declined().note()))
				.toList();
		}

		private List<DispatchSheet.RecentNoShow> noShows(String countyId, List<VisitFact> noShows) {
			return noShows.stream()
				.filter(fact -> fact.countyId().equals(countyId))
				.sorted(Comparator.comparing(VisitFact::date).thenComparing(VisitFact::id))
				.map(fact -> new DispatchSheet.RecentNoShow(fact.id(), fact.requestId(), title(fact), fact.expertId(),
						names.get(fact.expertId()), fact.date()))
				.toList();
		}

		private String title(VisitFact fact) {
			DemandRequest request = requestsById.get(fact.requestId());
			return request == null ? null : request.title();
		}

	}

}
