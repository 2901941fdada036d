package cn.talentexchange.report;

import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;

/** Which counties a caller reads about: coordinators every one, a county agency its own. */
record ReportScope(boolean everything, String countyId) {

	/** The security rules let only coordinators and county agencies this far. */
	static ReportScope of(Caller caller) {
		if (caller.isCoordinator()) {
			return new ReportScope(true, null);
		}
		return caller.countyId()
			.filter(county -> caller.has(Role.COUNTY_AGENCY) && !county.isBlank())
			.map(county -> new ReportScope(false, county))
			.orElseThrow(() -> new ApiProblem(ProblemType.FORBIDDEN, "Your account is not linked to a county"));
	}

	boolean sees(String county) {
		return everything || county != null && county.equals(countyId);
	}

}
