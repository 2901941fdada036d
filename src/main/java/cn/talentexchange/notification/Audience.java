package cn.talentexchange.notification;

/**
 * Who a notice is for, resolved to accounts only when it leaves the outbox: an expert by id, the agency
 * accounts of a county, the HR bureaus of an area, or every coordinator.
 */
public record Audience(Type type, String id) {

	public enum Type { EXPERT, COUNTY_AGENCY, COORDINATORS, HR_BUREAU }

	public static Audience expert(String expertId) {
		return new Audience(Type.EXPERT, expertId);
	}

	public static Audience countyAgency(String countyId) {
		return new Audience(Type.COUNTY_AGENCY, countyId);
	}

	/** The HR bureaus acting for a district, park or county. */
	public static Audience hrBureau(String areaId) {
		return new Audience(Type.HR_BUREAU, areaId);
	}

	public static Audience coordinators() {
		return new Audience(Type.COORDINATORS, null);
	}

}
