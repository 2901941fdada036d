package cn.talentexchange.expert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

	@Test
	void hidesTheFourDigitsBeforeTheLastFour() {
		assertThat(PhoneNumbers.mask("+86 199 0000 1234")).isEqualTo("+86 199 **** 1234");
		assertThat(PhoneNumbers.mask("13800001234")).isEqualTo("138****1234");
	}

	@Test
	void shortNumbersKeepOnlyTheirTail() {
		assertThat(PhoneNumbers.mask("12345")).isEqualTo("*2345");
		assertThat(PhoneNumbers.mask(null)).isNull();
	}

}
