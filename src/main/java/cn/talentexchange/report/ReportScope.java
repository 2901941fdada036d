package cn.talentexchange.report;

import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;

/** Which counties a caller reads about: coordinators every one, a county agency its own. */
record ReportScope(boolean everything, String countyId) {

	static ReportScope of(Caller caller) {
		if (caller.isCoordinator()) {
			return new ReportScope(true, null);
		}
		return new ReportScope(false, caller.has(Role.COUNTY_AGENCY) ? caller.countyId().orElse(null) : null);
	}

	boolean sees(String county) {
		return everything || county != null && county.equals(countyId);
	}

}
