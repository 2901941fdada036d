package cn.talentexchange.expert;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.pairing.ActionCategory;
import cn.talentexchange.pairing.GeoPoint;

/** An expert as the API shows it. Device tokens never leave the server this way. */
record ExpertView(String id, String username, String displayName, String phone, String email, String employer,
		String organisationId, GeoPoint homeLocation, List<HeldSkill> skills, Availability availability,
		int maxWeekendsPerMonth, int maxTravelMinutes, List<String> preferredCountyIds,
		List<ActionCategory> preferredCategories, int deviceCount, String locale, boolean contactConsent,
		ExpertStatus status, long version, Instant createdAt, Instant updatedAt) {

	static ExpertView of(Expert expert, boolean showPhone) {
		return new ExpertView(expert.id(), expert.username(), expert.displayName(),
				showPhone ? expert.phone() : PhoneNumbers.mask(expert.phone()), expert.email(), expert.employer(),
				expert.organisationId(), expert.homeLocation(), expert.skills(), expert.availability(),
				expert.maxWeekendsPerMonth(), expert.maxTravelMinutes(), expert.preferredCountyIds(),
				expert.preferredCategories(), expert.devices().size(), expert.locale(), expert.contactConsent(),
				expert.status(), expert.version(), expert.createdAt(), expert.updatedAt());
	}

}
