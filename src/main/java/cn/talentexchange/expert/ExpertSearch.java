package cn.talentexchange.expert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.talentexchange.web.ApiProblem;

import org.springframework.data.mongodb.core.query.Criteria;

/** A coordinator's filter over experts; every part is optional and all given parts must hold. */
record ExpertSearch(String skill, Integer minLevel, String organisationId, LocalDate availableOn, ExpertStatus status,
		String text) {

	ExpertSearch {
		if (minLevel != null && (minLevel < 1 || minLevel > 5)) {
			throw ApiProblem.invalid("minLevel", "must be between 1 and 5");
		}
		if (minLevel != null && skill == null) {
			throw ApiProblem.invalid("minLevel", "needs a skill to apply to");
		}
		if (text != null && text.length() > 80) {
			throw ApiProblem.invalid("q", "must be at most 80 characters");
		}
	}

	Criteria criteria() {
		List<Criteria> parts = new ArrayList<>();
		if (skill != null) {
			parts.add(Criteria.where("skills").elemMatch(Criteria.where("skill").is(skill)
				.and("level").gte(minLevel == null ? 1 : minLevel)));
		}
		if (organisationId != null) {
			parts.add(Criteria.where("organisationId").is(organisationId));
		}
		if (availableOn != null) {
			parts.add(Criteria.where("availability.dates").is(availableOn));
			parts.add(Criteria.where("availability.blackoutDates").ne(availableOn));
		}
		if (status != null) {
			parts.add(Criteria.where("status").is(status));
		}
		if (text != null && !text.isBlank()) {
			String quoted = Pattern.quote(text.strip());
			parts.add(new Criteria().orOperator(Criteria.where("displayName").regex(quoted, "i"),
					Criteria.where("username").regex(quoted, "i"), Criteria.where("employer").regex(quoted, "i")));
		}
		return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
	}

}
