package cn.talentexchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies as strict as the contract: a number is not a string, text obeys {@link InputRules}, and dates lie in
 * the programme's years. Enum ordinals are refused by {@code spring.jackson.datatype.enum}.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return builder -> builder
			.withCoercionConfig(LogicalType.Textual, text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("input-rules").addDeserializer(String.class, new CheckedString())
				.addDeserializer(LocalDate.class, new CheckedLocalDate()));
	}

	private static final class CheckedString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			String why = text == null ? null : InputRules.whyTextRefused(text);
			if (why != null) {
				throw new InputRefused(parser, why, null, String.class);
			}
			return text;
		}

	}

	/** ISO dates only, as the contract says; written afresh because Jackson's own is replaced when contextualised. */
	private static final class CheckedLocalDate extends StdScalarDeserializer<LocalDate> {

		CheckedLocalDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			String text = parser.getString().trim();
			LocalDate date;
			try {
				date = LocalDate.parse(text);
			}
			catch (DateTimeParseException notIso) {
				throw new InputRefused(parser, "is not an ISO date (yyyy-mm-dd)", text, LocalDate.class);
			}
			String why = InputRules.whyDateRefused(date);
			if (why != null) {
				throw new InputRefused(parser, why, text, LocalDate.class);
			}
			return date;
		}

	}

}
