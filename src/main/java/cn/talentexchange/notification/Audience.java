package cn.talentexchange.notification;

/**
 * Who a notice is for, resolved to accounts only when it leaves the outbox: an expert by id, the agency
 * accounts of a county, or every coordinator.
 */
public record Audience(Type type, String id) {

	public enum Type { EXPERT, COUNTY_AGENCY, COORDINATORS }

	public static Audience expert(String expertId) {
		return new Audience(Type.EXPERT, expertId);
	}

	public static Audience countyAgency(String countyId) {
		return new Audience(Type.COUNTY_AGENCY, countyId);
	}

	public static Audience coordinators() {
		return new Audience(Type.COORDINATORS, null);
	}

}
