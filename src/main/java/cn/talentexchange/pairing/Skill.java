package cn.talentexchange.pairing;

import org.springframework.data.mongodb.core.mapping.Document;

/** A skill of the taxonomy; experts hold skills at a level from 1 to 5. */
@Document("skills")
public record Skill(String id, ActionCategory category, String nameZh, String nameEn) {
}
