package cn.talentexchange.web;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The API's contract, served as it is written in {@code api-spec/openapi.yaml}, and Swagger UI reading it. Swagger
 * UI's own files come from its WebJar under {@code /webjars/}, so the page works with no network beyond this
 * service.
 */
@Configuration(proxyBeanMethods = false)
class ContractPages {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Bean
	RouterFunction<ServerResponse> contractRoutes() {
		Resource contract = new ClassPathResource("contract/openapi.yaml");
		Resource reader = new ClassPathResource("swagger-ui/index.html");
		CacheControl revalidate = CacheControl.noCache();
		return RouterFunctions
			.route(GET("/openapi.yaml"),
					request -> ServerResponse.ok().contentType(YAML).cacheControl(revalidate).bodyValue(contract))
			.andRoute(GET("/swagger-ui"),
					request -> ServerResponse.permanentRedirect(URI.create("/swagger-ui/")).build())
			.andRoute(GET("/swagger-ui/"), request -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.cacheControl(revalidate)
				.bodyValue(reader));
	}

}
