package cn.talentexchange.secondment;

/** The kind of exchange a post is for; a candidate fits when their home and the post's host match it. */
public enum Direction {

	GOVERNMENT_TO_ENTERPRISE, ENTERPRISE_TO_GOVERNMENT, CITY_TO_COUNTY, COUNTY_TO_CITY;

	public boolean allows(SecondmentOrganisation home, SecondmentOrganisation host) {
		return allows(home.sector(), home.tier(), host.sector(), host.tier());
	}

	public boolean allows(Sector homeSector, Tier homeTier, Sector hostSector, Tier hostTier) {
		return switch (this) {
			case GOVERNMENT_TO_ENTERPRISE -> homeSector == Sector.GOVERNMENT && hostSector == Sector.ENTERPRISE;
			case ENTERPRISE_TO_GOVERNMENT -> homeSector == Sector.ENTERPRISE && hostSector == Sector.GOVERNMENT;
			case CITY_TO_COUNTY -> homeTier == Tier.CITY && hostTier == Tier.COUNTY;
			case COUNTY_TO_CITY -> homeTier == Tier.COUNTY && hostTier == Tier.CITY;
		};
	}

}
