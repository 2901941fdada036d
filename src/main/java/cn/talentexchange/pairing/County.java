package cn.talentexchange.pairing;

import org.springframework.data.mongodb.core.mapping.Document;

/** One of the four county areas that receive help. */
@Document("counties")
public record County(String id, String nameZh, String nameEn, GeoPoint location) {
}
