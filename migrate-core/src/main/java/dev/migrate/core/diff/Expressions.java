package dev.migrate.core.diff;

import java.util.regex.Pattern;

/**
 * What the diff needs to know about canonical expressions.
 */
final class Expressions {

	private static final Pattern CONSTANT = Pattern
		.compile("-?\\d+(\\.\\d+)?|'([^']|'')*'|true|false|null|array\\[.*\\]");

	private Expressions() {
	}

	/**
	 * Return whether an expression is a constant, so that a column default of it fills
	 * existing rows without rewriting the table.
	 */
	static boolean isConstant(String expression) {
		return CONSTANT.matcher(expression).matches();
	}

}
