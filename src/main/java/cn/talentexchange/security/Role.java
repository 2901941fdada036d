package cn.talentexchange.security;

/** What a signed-in person may do; carried in the token's {@code roles} claim. */
public enum Role {

	EXPERT, COUNTY_AGENCY, HR_BUREAU, COORDINATOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
