package cn.talentexchange.report;

import java.util.Optional;
import java.util.Set;

import cn.talentexchange.security.Caller;
import cn.talentexchange.security.Role;
import cn.talentexchange.web.ApiProblem;
import cn.talentexchange.web.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportScopeTest {

	@Test
	void aCoordinatorSeesEveryCountyAndAnAgencyOnlyItsOwn() {
		ReportScope coordinator = ReportScope.of(caller(Set.of(Role.COORDINATOR), null));
		ReportScope faku = ReportScope.of(caller(Set.of(Role.COUNTY_AGENCY), "faku"));

		assertThat(coordinator.sees("faku")).isTrue();
		assertThat(coordinator.sees("xinmin")).isTrue();
		assertThat(faku.sees("faku")).isTrue();
		assertThat(faku.sees("xinmin")).isFalse();
		assertThat(faku.sees(null)).isFalse();
	}

	@Test
	void anAgencyAccountLinkedToNoCountyIsRefusedRatherThanShownNothing() {
		assertThatThrownBy(() -> ReportScope.of(caller(Set.of(Role.COUNTY_AGENCY), null)))
			.isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.type()).isEqualTo(ProblemType.FORBIDDEN));
	}

	private static Caller caller(Set<Role> roles, String countyId) {
		return new Caller("someone", roles, Optional.ofNullable(countyId), Set.of(), "zh-CN");
	}

}
