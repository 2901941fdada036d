package cn.talentexchange.pairing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.web.ApiProblem;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What other modules ask of the geography and the taxonomy: do these references exist? */
@Component
public class ReferenceData {

	private final ReactiveMongoTemplate mongo;

	ReferenceData(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Names of the districts and parks experts belong to, by id, in Chinese or English. */
	public Mono<Map<String, String>> organisationNames(boolean chinese) {
		return Flux.concat(mongo.findAll(UrbanDistrict.class).map(d -> Map.entry(d.id(), chinese ? d.nameZh() : d.nameEn())),
				mongo.findAll(Park.class).map(p -> Map.entry(p.id(), chinese ? p.nameZh() : p.nameEn())))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	public Mono<Skill> skill(String skillId) {
		return mongo.findById(skillId, Skill.class);
	}

	/** The action's name in Chinese or English, as the taxonomy spells it. */
	public Mono<String> categoryName(ActionCategory category, boolean chinese) {
		return mongo.findById(category.name(), SkillCategory.class)
			.map(found -> chinese ? found.nameZh() : found.nameEn())
			.defaultIfEmpty(category.name());
	}

	public Flux<Pairing> pairings() {
		return mongo.findAll(Pairing.class);
	}

	public Mono<County> county(String countyId) {
		return mongo.findById(countyId, County.class);
	}

	/** Fails with a validation problem naming {@code field} if the county does not exist. */
	public Mono<Void> requireCounty(String field, String countyId) {
		return mongo.exists(byId(countyId), County.class)
			.flatMap(exists -> exists ? Mono.empty() : Mono.error(ApiProblem.invalid(field, "no county '" + countyId + "'")));
	}

	/** Fails unless the id names an urban district or a park: the organisations experts belong to. */
	public Mono<Void> requireOrganisation(String field, String organisationId) {
		return Flux.concat(mongo.exists(byId(organisationId), UrbanDistrict.class), mongo.exists(byId(organisationId), Park.class))
			.any(Boolean::booleanValue)
			.flatMap(exists -> exists ? Mono.empty()
					: Mono.error(ApiProblem.invalid(field, "no district or park '" + organisationId + "'")));
	}

	/** Fails naming the first unknown skill. */
	public Mono<Void> requireSkills(String field, Collection<String> skillIds) {
		Set<String> wanted = new HashSet<>(skillIds);
		return mongo.find(Query.query(Criteria.where("_id").in(wanted)), Skill.class)
			.map(Skill::id)
			.collectList()
			.flatMap(found -> {
				wanted.removeAll(found);
				return wanted.isEmpty() ? Mono.empty()
						: Mono.error(ApiProblem.invalid(field, "unknown skills " + wanted.stream().sorted().toList()));
			});
	}

	/** The sub-category must belong to the action category. */
	public Mono<Void> requireSubCategory(String field, ActionCategory category, String subCategoryId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(category.name()).and("subCategories.id").is(subCategoryId)),
				SkillCategory.class)
			.flatMap(exists -> exists ? Mono.empty()
					: Mono.error(ApiProblem.invalid(field, "'" + subCategoryId + "' is not a sub-category of " + category)));
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

}
