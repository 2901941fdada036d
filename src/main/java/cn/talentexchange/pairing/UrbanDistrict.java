package cn.talentexchange.pairing;

import org.springframework.data.mongodb.core.mapping.Document;

/** A central urban district of Shenyang that helps a county. */
@Document("districts")
public record UrbanDistrict(String id, String nameZh, String nameEn, GeoPoint location) {
}
