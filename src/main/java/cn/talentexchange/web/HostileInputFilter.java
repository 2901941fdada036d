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
// Just after CorrelationIds, so that a refusal here carries the request's id.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HostileInputFilter implements WebFilter {

	/** Dates as ISO writes them, extended years included ({@code +999999999-12-31}). */
	private static final Pattern ISO_DATE = Pattern.compile("[+-]?\\d{4,}-\\d{2}-\\d{2}");

	private static final int LONGEST_URI = 8 * 1024;

	private static final int LARGEST_HEADERS = 16 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getURI().getRawPath().length()
				+ String.valueOf(exchange.getRequest().getURI().getRawQuery()).length() > LONGEST_URI) {
			return Mono.error(new ApiProblem(ProblemType.URI_TOO_LONG, "A URI may be at most " + LONGEST_URI + " characters"));
		}
		long headerBytes = exchange.getRequest().getHeaders().headerSet().stream()
			.mapToLong(header -> header.getKey().length() + header.getValue().stream().mapToLong(String::length).sum())
			.sum();
		if (headerBytes > LARGEST_HEADERS) {
			return Mono.error(new ApiProblem(ProblemType.HEADERS_TOO_LARGE, "The headers may be at most " + LARGEST_HEADERS
					+ " bytes together"));
		}
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
