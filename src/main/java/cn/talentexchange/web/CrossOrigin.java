package cn.talentexchange.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The CORS rules security applies before any token check, so a preflight needs none. */
public final class CrossOrigin {

	/** The headers a browser client sends besides the simple ones. */
	private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.IF_MATCH, HttpHeaders.ACCEPT_LANGUAGE, IdempotencyFilter.HEADER, CorrelationIds.TRACEPARENT);

	/** The headers a browser client must be able to read. */
	private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION,
			HttpHeaders.LINK, HttpHeaders.RETRY_AFTER, HttpHeaders.CONTENT_DISPOSITION, CorrelationIds.RESPONSE_HEADER,
			IdempotencyFilter.REPLAYED);

	private CrossOrigin() {
	}

	public static CorsConfigurationSource rules(CorsSettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (settings.allowedOrigins().isEmpty()) {
			return source;
		}
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOriginPatterns(settings.allowedOrigins());
		api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
		api.setAllowedHeaders(REQUEST_HEADERS);
		api.setExposedHeaders(RESPONSE_HEADERS);
		// Bearer tokens, not cookies: the browser need not send credentials.
		api.setAllowCredentials(false);
		api.setMaxAge(settings.maxAge());
		source.registerCorsConfiguration("/api/**", api);
		source.registerCorsConfiguration("/openapi.yaml", api);
		return source;
	}

}
