package cn.talentexchange.demand;

import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.pairing.ActionCategory;

/** An open request as experts see it: the problem and the need, not the agency's internals. */
record PublicRequestView(String id, String countyId, String title, String description, ActionCategory category,
		String subCategory, List<Seat> seats, List<LocalDate> acceptableDates, VisitDuration duration,
		Priority priority, Site location, RequestStatus status) {

	static PublicRequestView of(DemandRequest request) {
		return new PublicRequestView(request.id(), request.countyId(), request.title(), request.description(),
				request.category(), request.subCategory(), request.seats(), request.acceptableDates(), request.duration(),
				request.priority(), request.location(), request.status());
	}

}
