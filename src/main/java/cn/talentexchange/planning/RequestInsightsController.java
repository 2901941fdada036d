package cn.talentexchange.planning;

import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.PagedList;
import cn.talentexchange.web.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A request seen through the latest plan: why it is filled as it is, and who else could go. */
@RestController
@RequestMapping("/api/v1/requests/{id}")
class RequestInsightsController {

	private final RequestInsights insights;

	RequestInsightsController(RequestInsights insights) {
		this.insights = insights;
	}

	@GetMapping("/explanation")
	Mono<Explanation> explanation(Caller caller, @PathVariable String id, @RequestParam(required = false) String lang) {
		if (lang != null && !lang.equals("zh-CN") && !lang.equals("en")) {
			return Mono.error(ApiProblem.invalid("lang", "must be zh-CN or en"));
		}
		String language = lang != null ? lang : caller.locale();
		return insights.explain(id, caller, !"en".equals(language));
	}

	@GetMapping("/seats/{seat}/candidates")
	Mono<PagedList<RequestInsights.Candidate>> candidates(@PathVariable String id, @PathVariable int seat,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return insights.candidates(id, seat, Paging.of(page, size));
	}

}
