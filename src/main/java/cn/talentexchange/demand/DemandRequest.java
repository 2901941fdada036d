package cn.talentexchange.demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.pairing.ActionCategory;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A county problem that needs experts: seats to fill on one of the acceptable weekend dates.
 *
 * @param followUpOf an earlier request this one continues; the planner prefers the experts who came then
 * @param excludedOrganisationIds conflicts of interest: experts from these organisations must not come
 * @param internalNotes for the agency and coordinators only
 */
@Document("requests")
public record DemandRequest(String id, String countyId, String postedBy, String title, String description,
		ActionCategory category, String subCategory, List<Seat> seats, List<LocalDate> acceptableDates,
		VisitDuration duration, Priority priority, Site location, RequestStatus status, String followUpOf,
		List<String> excludedOrganisationIds, List<String> excludedExpertIds, String internalNotes, Contact contact,
		String cancellationReason, long version, Instant createdAt, Instant updatedAt, Instant openedAt)
		implements Versioned {

	public DemandRequest {
		seats = List.copyOf(seats);
		acceptableDates = acceptableDates.stream().distinct().sorted().toList();
		excludedOrganisationIds = excludedOrganisationIds == null ? List.of() : List.copyOf(excludedOrganisationIds);
		excludedExpertIds = excludedExpertIds == null ? List.of() : List.copyOf(excludedExpertIds);
	}

	public int seatPositions() {
		return seats.stream().mapToInt(Seat::count).sum();
	}

}
