package cn.talentexchange.secondment;

import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A government body or an enterprise that sends or hosts seconded cadres.
 *
 * @param areaId the district, park or county it belongs to: decides the pairing and which HR bureau acts for it
 */
@Document("secondmentOrganisations")
public record SecondmentOrganisation(String id, String nameZh, String nameEn, Sector sector, Tier tier, String areaId) {
}
