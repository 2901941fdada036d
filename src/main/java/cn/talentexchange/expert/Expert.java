package cn.talentexchange.expert;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An urban professional who gives weekends to county problems.
 *
 * @param username the login the token's subject carries
 * @param organisationId the district or park the employer belongs to; decides the pairing an expert is "own" to
 */
@Document("experts")
public record Expert(String id, String username, String displayName, String phone, String email, String employer,
		String organisationId, GeoPoint homeLocation, List<HeldSkill> skills, Availability availability,
		int maxWeekendsPerMonth, int maxTravelMinutes, List<String> preferredCountyIds,
		List<ActionCategory> preferredCategories, List<Device> devices, String locale, boolean contactConsent,
		ExpertStatus status, long version, Instant createdAt, Instant updatedAt) implements Versioned {

	public Expert {
		skills = List.copyOf(skills);
		preferredCountyIds = preferredCountyIds == null ? List.of() : List.copyOf(preferredCountyIds);
		preferredCategories = preferredCategories == null ? List.of() : List.copyOf(preferredCategories);
		devices = devices == null ? List.of() : List.copyOf(devices);
		availability = availability == null ? Availability.NONE : availability;
	}

}
