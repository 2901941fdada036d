package cn.talentexchange.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.pairing.ActionCategory;

/** A request as its agency and coordinators see it, internal fields included. */
record RequestView(String id, String countyId, String postedBy, String title, String description,
		ActionCategory category, String subCategory, List<Seat> seats, List<LocalDate> acceptableDates,
		VisitDuration duration, Priority priority, Site location, RequestStatus status, String followUpOf,
		List<String> excludedOrganisationIds, List<String> excludedExpertIds, String internalNotes, Contact contact,
		String cancellationReason, long version, Instant createdAt, Instant updatedAt, Instant openedAt) {

	static RequestView of(DemandRequest request) {
		return new RequestView(request.id(), request.countyId(), request.postedBy(), request.title(),
				request.description(), request.category(), request.subCategory(), request.seats(),
				request.acceptableDates(), request.duration(), request.priority(), request.location(), request.status(),
				request.followUpOf(), request.excludedOrganisationIds(), request.excludedExpertIds(),
				request.internalNotes(), request.contact(), request.cancellationReason(), request.version(),
				request.createdAt(), request.updatedAt(), request.openedAt());
	}

}
