package cn.talentexchange.pairing;

import cn.talentexchange.database.PagedQueries;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Read-only geography and taxonomy, loaded from the seeds. */
@RestController
@RequestMapping("/api/v1")
class ReferenceDataController {

	private static final Sort BY_ID = Sort.by("_id");

	private final ReactiveMongoTemplate mongo;

	private final PagedQueries pages;

	ReferenceDataController(ReactiveMongoTemplate mongo, PagedQueries pages) {
		this.mongo = mongo;
		this.pages = pages;
	}

	@GetMapping("/counties")
	Mono<PagedList<County>> counties(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return pages.page(new Query(), BY_ID, Paging.of(page, size), County.class);
	}

	@GetMapping("/counties/{id}")
	Mono<County> county(@PathVariable String id) {
		return one(id, County.class, "county");
	}

	@GetMapping("/districts")
	Mono<PagedList<UrbanDistrict>> districts(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return pages.page(new Query(), BY_ID, Paging.of(page, size), UrbanDistrict.class);
	}

	@GetMapping("/districts/{id}")
	Mono<UrbanDistrict> district(@PathVariable String id) {
		return one(id, UrbanDistrict.class, "district");
	}

	@GetMapping("/parks")
	Mono<PagedList<Park>> parks(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return pages.page(new Query(), BY_ID, Paging.of(page, size), Park.class);
	}

	@GetMapping("/parks/{id}")
	Mono<Park> park(@PathVariable String id) {
		return one(id, Park.class, "park");
	}

	@GetMapping("/pairings")
	Mono<PagedList<Pairing>> pairings(@RequestParam(required = false) String countyId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Query query = countyId == null ? new Query() : Query.query(Criteria.where("countyId").is(countyId));
		return pages.page(query, BY_ID, Paging.of(page, size), Pairing.class);
	}

	@GetMapping("/pairings/{id}")
	Mono<Pairing> pairing(@PathVariable String id) {
		return one(id, Pairing.class, "pairing");
	}

	@GetMapping("/skill-categories")
	Mono<PagedList<SkillCategory>> skillCategories(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return pages.page(new Query(), BY_ID, Paging.of(page, size), SkillCategory.class);
	}

	@GetMapping("/skills")
	Mono<PagedList<Skill>> skills(@RequestParam(required = false) ActionCategory category,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Query query = category == null ? new Query() : Query.query(Criteria.where("category").is(category));
		return pages.page(query, BY_ID, Paging.of(page, size), Skill.class);
	}

	@GetMapping("/skills/{id}")
	Mono<Skill> skill(@PathVariable String id) {
		return one(id, Skill.class, "skill");
	}

	private <T> Mono<T> one(String id, Class<T> type, String what) {
		return mongo.findById(id, type).switchIfEmpty(Mono.error(() -> ApiProblem.notFound(what, id)));
	}

}
