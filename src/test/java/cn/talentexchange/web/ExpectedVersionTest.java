package cn.talentexchange.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpectedVersionTest {

	@Test
	void ifMatchWinsOverTheBodyAndItsMismatchIsAPreconditionFailure() {
		ExpectedVersion expected = ExpectedVersion.of("W/\"4\"", 2L);
		assertThat(expected).isEqualTo(new ExpectedVersion(4, true));
		assertThat(expected.mismatch(5).type()).isEqualTo(ProblemType.PRECONDITION_FAILED);
	}

	@Test
	void theBodyVersionsMismatchIsAConflict() {
		assertThat(ExpectedVersion.of(null, 2L).mismatch(3).type()).isEqualTo(ProblemType.VERSION_CONFLICT);
	}

	@Test
	void withoutAnyVersionTheUpdateIsRefused() {
		assertThatThrownBy(() -> ExpectedVersion.of(" ", null)).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
		assertThatThrownBy(() -> ExpectedVersion.of("\"v1\"", null)).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED));
	}

}
