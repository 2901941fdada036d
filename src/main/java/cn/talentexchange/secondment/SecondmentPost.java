package cn.talentexchange.secondment;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.demand.Priority;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post a host organisation offers for secondment: a role for a period, for one or more people.
 *
 * @param hostAreaId the host organisation's district, park or county, copied for access checks
 * @param positions how many people the post takes
 */
@Document("secondmentPosts")
public record SecondmentPost(String id, String hostOrganisationId, String hostAreaId, String role, String description,
		List<RequiredSkill> requiredSkills, Period period, int positions, Direction direction, Priority priority,
		PostStatus status, String createdBy, long version, Instant createdAt, Instant updatedAt) implements Versioned {

	public SecondmentPost {
		requiredSkills = List.copyOf(requiredSkills);
	}

	public enum PostStatus { OPEN, CLOSED }

}
