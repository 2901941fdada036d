package cn.talentexchange.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON value refused by {@link InputRules}: its message says why, and the problem document names the field. */
final class InputRefused extends InvalidFormatException {

	InputRefused(JsonParser parser, String why, Object value, Class<?> type) {
		super(parser, why, value, type);
	}

}
