package dev.migrate.core.diff;

import java.util.regex.Pattern;

/**
 * What the diff needs to know about canonical expressions.
 */
final class Expressions {

	// Keywords in any case: a declared default is written as the entity declares it.
	private static final Pattern CONSTANT = Pattern
		.compile("-?\\d+(\\.\\d+)?|'([^']|'')*'|true|false|null|array\\[.*\\]", Pattern.CASE_INSENSITIVE);

	private Expressions() {
	}

	/**
	 * Return a canonical expression with every reference to column {@code from} made a
	 * reference to {@code to}, as PostgreSQL rewrites checks and indexes when a column is
	 * renamed. String literals are left alone.
	 */
	static String renameColumn(String expression, String from, String to) {
		Pattern reference = Pattern
			.compile("(?<![\\w$.\"])(" + Pattern.quote(from) + "|\"" + Pattern.quote(from) + "\")(?![\\w$\"])");
		StringBuilder result = new StringBuilder();
		String[] parts = expression.split("'", -1);
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				result.append('\'');
			}
			// Even parts are outside string literals ('' inside one splits into an empty
			// odd part and keeps the parity).
			result.append((i % 2 == 0) ? reference.matcher(parts[i]).replaceAll(quoted(to)) : parts[i]);
		}
		return result.toString();
	}

	private static String quoted(String to) {
		return java.util.regex.Matcher.quoteReplacement(to);
	}

	/**
	 * Return whether an expression is a constant, so that a column default of it fills
	 * existing rows without rewriting the table.
	 */
	static boolean isConstant(String expression) {
		return CONSTANT.matcher(expression).matches();
	}

}
