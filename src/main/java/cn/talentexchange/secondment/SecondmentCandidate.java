package cn.talentexchange.secondment;

import java.time.Instant;
import java.util.List;

import cn.talentexchange.database.Versioned;
import cn.talentexchange.expert.HeldSkill;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cadre their home organisation's HR nominated for secondment.
 *
 * @param expertId the weekend-expert profile of the same person, when there is one
 * @param availability the periods the person can be away; a placement must fit inside one
 * @param preferredAreaIds districts, parks or counties the person would rather go to
 * @param commitments the placements that hold the person: every new placement is added here by a compare-and-set
 *     on the candidate's version after checking it overlaps none, so one person can never be in two at once
 */
@Document("secondmentCandidates")
public record SecondmentCandidate(String id, String name, String homeOrganisationId, String homeAreaId, String expertId,
		List<HeldSkill> skills, List<Period> availability, List<String> preferredAreaIds, String nominatedBy,
		List<Commitment> commitments, long version, Instant createdAt, Instant updatedAt) implements Versioned {

	public SecondmentCandidate {
		skills = List.copyOf(skills);
		availability = List.copyOf(availability);
		preferredAreaIds = preferredAreaIds == null ? List.of() : List.copyOf(preferredAreaIds);
		commitments = commitments == null ? List.of() : List.copyOf(commitments);
	}

	public int levelOf(String skill) {
		return skills.stream().filter(held -> held.skill().equals(skill)).mapToInt(HeldSkill::level).max().orElse(0);
	}

	public boolean isAvailableFor(Period period) {
		return availability.stream().anyMatch(free -> free.covers(period));
	}

	/** The placement, other than {@code except}, that holds the person during the period, if any. */
	public Commitment clash(Period period, String except) {
		return commitments.stream()
			.filter(held -> !held.secondmentId().equals(except) && held.period().overlaps(period))
			.findFirst()
			.orElse(null);
	}

	/** A placement holding the person for a period. */
	public record Commitment(String secondmentId, Period period) {
	}

}
