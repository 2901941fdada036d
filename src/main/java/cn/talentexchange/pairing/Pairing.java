package cn.talentexchange.pairing;

import org.springframework.data.mongodb.core.mapping.Document;

/** "1+1对1": one park and one central district help one county. */
@Document("pairings")
public record Pairing(String id, String countyId, String parkId, String districtId) {
}
