package cn.talentexchange.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses query parameters and path segments that break {@link InputRules} before anything reads them: a NUL in a
 * search is a 400 naming the parameter, not a regular expression the database chokes on, and a date far outside
 * the programme's years is a 400 before any arithmetic on it can overflow.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HostileInputFilter implements WebFilter {

	/** Dates as ISO writes them, extended years included ({@code +999999999-12-31}). */
	private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			String why = InputRules.whyTextRefused(parameter.getKey());
			for (String value : parameter.getValue()) {
				why = why != null || value == null ? why : whyRefused(value);
			}
			if (why != null) {
				return Mono.error(ApiProblem.invalid(parameter.getKey(), why));
			}
		}
		for (PathContainer.Element element : exchange.getRequest().getPath().pathWithinApplication().elements()) {
			if (element instanceof PathContainer.PathSegment segment) {
				String why = InputRules.whyTextRefused(segment.valueToMatch());
				if (why != null) {
					return Mono.error(ApiProblem.invalid("path", why));
				}
			}
		}
		return chain.filter(exchange);
	}

	private static String whyRefused(String value) {
		String why = InputRules.whyTextRefused(value);
		if (why == null && ISO_DATE.matcher(value).matches()) {
			try {
				why = InputRules.whyDateRefused(LocalDate.parse(value));
			}
			catch (DateTimeException notADate) {
				why = "is not a valid date";
			}
		}
		return why;
	}

}
