package cn.talentexchange.secondment;

import java.util.Arrays;
import java.util.List;

import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What an HR bureau may see and do: the posts of host organisations in its areas, the candidates of home
 * organisations in its areas, and the placements that touch either. Coordinators see everything.
 */
final class HrScope {

	private HrScope() {
	}

	static boolean seesAll(Caller caller) {
		return caller.isCoordinator();
	}

	static boolean actsFor(Caller caller, String areaId) {
		return seesAll(caller) || caller.has(Role.HR_BUREAU) && caller.organisationIds().contains(areaId);
	}

	/** Documents whose area field (or one of them) is one of the caller's. */
	static Criteria visible(Caller caller, String... areaFields) {
		if (seesAll(caller)) {
			return new Criteria();
		}
		List<String> areas = List.copyOf(caller.organisationIds());
		if (areaFields.length == 1) {
			return Criteria.where(areaFields[0]).in(areas);
		}
		return new Criteria().orOperator(Arrays.stream(areaFields).map(field -> Criteria.where(field).in(areas))
			.toArray(Criteria[]::new));
	}

}
