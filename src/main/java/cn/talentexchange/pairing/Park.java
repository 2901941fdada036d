package cn.talentexchange.pairing;

import org.springframework.data.mongodb.core.mapping.Document;

/** A strong industrial park that helps a county; {@code districtName} is where it lies. */
@Document("parks")
public record Park(String id, String nameZh, String nameEn, String districtName, GeoPoint location) {
}
