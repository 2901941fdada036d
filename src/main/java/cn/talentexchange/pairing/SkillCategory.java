package cn.talentexchange.pairing;

import java.util.List;

import org.springframework.data.mongodb.core.mapping.Document;

/** An action with its sub-areas, e.g. industry alignment: leading industries, major projects, ... */
@Document("skillCategories")
public record SkillCategory(String id, String nameZh, String nameEn, List<SubCategory> subCategories) {

	public record SubCategory(String id, String nameZh, String nameEn) {
	}

}
