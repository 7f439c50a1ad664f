package dev.migrate.core.dialect.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL expression into tokens: string literals, quoted and plain identifiers,
 * numbers and operators. Plain identifiers and keywords are lower-cased, as PostgreSQL
 * folds them.
 */
final class ExpressionTokens {

	private static final List<String> OPERATORS = List.of("!~~*", "~~*", "!~~", "~~", "!~*", "~*", "!~", "~", "::",
			"<=", ">=", "<>", "!=", "||", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",", "[", "]", ".");

	private static final String OPERATOR_CHARACTERS = "+-*/<>=~!@#%^&|`?";

	enum Kind {

		STRING, IDENTIFIER, QUOTED_IDENTIFIER, NUMBER, OPERATOR

	}

	record Token(Kind kind, String text) {

		boolean is(String operatorOrKeyword) {
			return (this.kind == Kind.OPERATOR || this.kind == Kind.IDENTIFIER) && this.text.equals(operatorOrKeyword);
		}

	}

	private ExpressionTokens() {
	}

	static List<Token> tokenize(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\'')) {
				int start = (c == '\'') ? i : i + 1;
				int end = closing(sql, start, '\'');
				tokens.add(new Token(Kind.STRING, sql.substring(start + 1, end).replace("''", "'")));
				i = end + 1;
			}
			else if (c == '"') {
				int end = closing(sql, i, '"');
				tokens.add(new Token(Kind.QUOTED_IDENTIFIER, sql.substring(i + 1, end).replace("\"\"", "\"")));
				i = end + 1;
			}
			else if (Character.isDigit(c)) {
				int end = i;
				while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i;
				while (end < sql.length()
						&& (Character.isLetterOrDigit(sql.charAt(end)) || "_$".indexOf(sql.charAt(end)) >= 0)) {
					end++;
				}
				tokens.add(new Token(Kind.IDENTIFIER, sql.substring(i, end).toLowerCase(Locale.ROOT)));
				i = end;
			}
			else {
				i = operator(sql, i, tokens);
			}
		}
		return tokens;
	}

	private static int operator(String sql, int i, List<Token> tokens) {
		for (String operator : OPERATORS) {
			if (sql.startsWith(operator, i)) {
				tokens.add(new Token(Kind.OPERATOR, operator.equals("!=") ? "<>" : operator));
				return i + operator.length();
			}
		}
		// Any other PostgreSQL operator (e.g. @@, &&, #>>): one token, compared as
		// written.
		int end = i;
		while (end < sql.length() && OPERATOR_CHARACTERS.indexOf(sql.charAt(end)) >= 0) {
			end++;
		}
		if (end == i) {
			throw new IllegalArgumentException("unexpected '" + sql.charAt(i) + "' at " + i + " in: " + sql);
		}
		tokens.add(new Token(Kind.OPERATOR, sql.substring(i, end)));
		return end;
	}

	private static int closing(String sql, int open, char quote) {
		int i = open + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i;
			}
			i++;
		}
		throw new IllegalArgumentException("unterminated " + quote + " in: " + sql);
	}

}
