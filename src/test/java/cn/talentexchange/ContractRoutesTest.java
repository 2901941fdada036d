package cn.talentexchange;

import java.util.Set;
import java.util.TreeSet;

import cn.talentexchange.support.ApiContract;
import cn.talentexchange.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoutesTest extends ApiTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void theSpecAndTheControllersListTheSameOperations() {
		Set<String> served = new TreeSet<>();
		handlers.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternsCondition().getPatterns()
			.forEach(pattern -> mapping.getMethodsCondition().getMethods()
				.forEach(method -> served.add(method.name() + " " + pattern.getPatternString()))));
		served.removeIf(operation -> !operation.contains(" /api/"));
		// The one operation outside /api, served by the actuator rather than a controller.
		Set<String> specified = new TreeSet<>(ApiContract.get().operations());
		assertThat(specified.remove("GET /actuator/prometheus")).isTrue();
		assertThat(served).isEqualTo(specified);
	}

}
