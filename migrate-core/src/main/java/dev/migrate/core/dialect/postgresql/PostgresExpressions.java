package dev.migrate.core.dialect.postgresql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migrate.core.dialect.postgresql.ExpressionTokens.Kind;
import dev.migrate.core.dialect.postgresql.ExpressionTokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites a SQL expression (a default, a check condition, an index predicate) into one
 * canonical form, so that what an entity declares ({@code status in ('A','B')}) and what
 * PostgreSQL stores for it
 * ({@code ((status)::text = ANY ((ARRAY['A'::character varying, ...])::text[]))}) compare
 * equal.
 * <p>
 * The canonical form is fully parenthesised, lower-case outside literals and quoted
 * identifiers, without type casts (a numeric cast of a string literal becomes the
 * number), with {@code BETWEEN} expanded and {@code IN} lists written as
 * {@code = any (array[...])}, as PostgreSQL itself does. An expression this parser does
 * not understand is compared as its normalised token sequence.
 */
final class PostgresExpressions {

	private static final Set<String> NUMERIC_TYPES = Set.of("int", "int2", "int4", "int8", "integer", "smallint",
			"bigint", "numeric", "decimal", "real", "float4", "float8", "double");

	private static final Set<String> TYPE_CONTINUATIONS = Set.of("varying", "precision", "with", "without", "time",
			"zone");

	private static final Set<String> COMPARISONS = Set.of("=", "<>", "<", "<=", ">", ">=", "~~", "!~~", "~~*", "!~~*",
			"~", "!~", "~*", "!~*");

	private static final Set<String> PLAIN_KEYWORDS = Set.of("and", "or", "not", "null", "true", "false", "in",
			"between", "is", "like", "ilike", "any", "all", "array", "user", "order", "group", "select", "table");

	private final List<Token> tokens;

	private int position;

	private PostgresExpressions(List<Token> tokens) {
		this.tokens = tokens;
	}

	/**
	 * Return the canonical form of an expression.
	 * @param sql the expression
	 * @return the canonical form
	 */
	static String canonical(String sql) {
		List<Token> tokens = ExpressionTokens.tokenize(sql);
		try {
			PostgresExpressions parser = new PostgresExpressions(tokens);
			Expr expr = parser.or();
			if (parser.position != tokens.size()) {
				throw new IllegalArgumentException("unexpected " + tokens.get(parser.position).text());
			}
			return expr.wrapped() ? expr.sql().substring(1, expr.sql().length() - 1) : expr.sql();
		}
		catch (RuntimeException ex) {
			return tokens.stream().map(PostgresExpressions::literal).collect(Collectors.joining(" "));
		}
	}

	/**
	 * Return a canonical expression with its {@code = any (array[...])} and
	 * {@code <> all (array[...])} written as the {@code IN} lists they stand for. From an
	 * {@code IN} list PostgreSQL stores a comparison of a {@code varchar} column as
	 * {@code (c)::text = ANY ((ARRAY['a'::character varying])::text[])}, which it does
	 * not store the same when given back as written.
	 * @param canonical the canonical form
	 * @return the same condition with {@code IN} lists
	 */
	static String withInLists(String canonical) {
		StringBuilder result = new StringBuilder();
		int from = 0;
		while (true) {
			int any = canonical.indexOf(" = any (array[", from);
			int all = canonical.indexOf(" <> all (array[", from);
			int at = (any < 0) ? all : ((all < 0) ? any : Math.min(any, all));
			if (at < 0) {
				return result.append(canonical.substring(from)).toString();
			}
			boolean negated = at == all;
			int itemsStart = canonical.indexOf('[', at) + 1;
			int itemsEnd = closing(canonical, itemsStart);
			if (itemsEnd < 0 || !canonical.startsWith("])", itemsEnd)) {
				return canonical;
			}
			result.append(canonical, from, at)
				.append(negated ? " not in (" : " in (")
				.append(canonical, itemsStart, itemsEnd)
				.append(')');
			from = itemsEnd + 2;
		}
	}

	/** The index of the {@code ]} that closes a bracket opened before {@code start}. */
	private static int closing(String sql, int start) {
		int depth = 0;
		boolean quoted = false;
		for (int i = start; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '[') {
				depth++;
			}
			else if (!quoted && c == ']') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	private Expr or() {
		return chain("or", this::and);
	}

	private Expr and() {
		return chain("and", this::not);
	}

	private Expr chain(String keyword, java.util.function.Supplier<Expr> operand) {
		Expr first = operand.get();
		if (!peekIs(keyword)) {
			return first;
		}
		List<String> parts = new ArrayList<>();
		parts.add(first.sql());
		while (accept(keyword)) {
			parts.add(operand.get().sql());
		}
		return wrapped(joined(keyword, parts));
	}

	/**
	 * Join the operands of {@code and} or {@code or} in one order: the conditions mean
	 * the same in any order, and Hibernate joins a column's checks (Bean Validation's
	 * {@code @Min} and {@code @Max}, say) in an order that differs between runs.
	 */
	private static String joined(String keyword, List<String> parts) {
		return parts.stream().sorted().collect(Collectors.joining(" " + keyword + " "));
	}

	private Expr not() {
		if (accept("not")) {
			return wrapped("not " + not().sql());
		}
		return comparison();
	}

	private Expr comparison() {
		Expr left = additive();
		if (peekIs("is")) {
			next();
			boolean negated = accept("not");
			expect("null");
			return wrapped(left.sql() + (negated ? " is not null" : " is null"));
		}
		boolean negated = peekIs("not") && isAnyOf(1, "between", "in", "like", "ilike");
		if (negated) {
			next();
		}
		if (accept("between")) {
			Expr low = additive();
			expect("and");
			Expr high = additive();
			String range = joined("and",
					List.of("(" + left.sql() + " >= " + low.sql() + ")", "(" + left.sql() + " <= " + high.sql() + ")"));
			return wrapped(negated ? "not (" + range + ")" : range);
		}
		if (accept("in")) {
			expect("(");
			List<String> items = list(")");
			return wrapped(
					left.sql() + (negated ? " <> all " : " = any ") + "(array[" + String.join(", ", items) + "])");
		}
		if (accept("like") || accept("ilike")) {
			boolean ilike = previous().text().equals("ilike");
			String operator = (negated ? "!" : "") + (ilike ? "~~*" : "~~");
			return wrapped(left.sql() + " " + operator + " " + additive().sql());
		}
		if (peek() != null && peek().kind() == Kind.OPERATOR && COMPARISONS.contains(peek().text())) {
			String operator = next().text();
			if (accept("any") || accept("all")) {
				String quantifier = previous().text();
				expect("(");
				Expr operand = or();
				expect(")");
				return wrapped(left.sql() + " " + operator + " " + quantifier + " (" + unwrap(operand) + ")");
			}
			return wrapped(left.sql() + " " + operator + " " + additive().sql());
		}
		return left;
	}

	private Expr additive() {
		Expr left = multiplicative();
		while (peek() != null && peek().kind() == Kind.OPERATOR && Set.of("+", "-", "||").contains(peek().text())) {
			String operator = next().text();
			left = wrapped(left.sql() + " " + operator + " " + multiplicative().sql());
		}
		return left;
	}

	private Expr multiplicative() {
		Expr left = unary();
		while (peek() != null && peek().kind() == Kind.OPERATOR && Set.of("*", "/", "%").contains(peek().text())) {
			String operator = next().text();
			left = wrapped(left.sql() + " " + operator + " " + unary().sql());
		}
		return left;
	}

	private Expr unary() {
		if (accept("-")) {
			Expr operand = unary();
			return operand.number() ? new Expr("-" + operand.sql(), false, null, true) : wrapped("- " + operand.sql());
		}
		return cast(primary());
	}

	private Expr cast(Expr operand) {
		Expr result = operand;
		while (accept("::")) {
			String type = typeName();
			if (result.stringValue() != null && NUMERIC_TYPES.contains(type)
					&& result.stringValue().matches("-?\\d+(\\.\\d+)?")) {
				result = new Expr(result.stringValue(), false, null, true);
			}
		}
		return result;
	}

	private String typeName() {
		Token first = next();
		String name = first.text();
		while (accept(".")) {
			name = next().text();
		}
		while (peek() != null && peek().kind() == Kind.IDENTIFIER && TYPE_CONTINUATIONS.contains(peek().text())) {
			next();
		}
		if (accept("(")) {
			list(")");
		}
		while (accept("[")) {
			expect("]");
		}
		return name;
	}

	private Expr primary() {
		Token token = next();
		switch (token.kind()) {
			case STRING:
				return new Expr(literal(token), false, token.text(), false);
			case NUMBER:
				return new Expr(token.text(), false, null, true);
			case QUOTED_IDENTIFIER:
				return qualified(identifier(token));
			case IDENTIFIER:
				if (token.text().equals("array") && accept("[")) {
					return Expr.of("array[" + String.join(", ", list("]")) + "]", false);
				}
				if (accept("(")) {
					return Expr.of(token.text() + "(" + String.join(", ", list(")")) + ")", false);
				}
				return qualified(token.text());
			default:
				if (token.text().equals("(")) {
					Expr inner = or();
					expect(")");
					return inner;
				}
				throw new IllegalArgumentException("unexpected " + token.text());
		}
	}

	private Expr qualified(String identifier) {
		String name = identifier;
		while (accept(".")) {
			name = name + "." + identifier(next());
		}
		return Expr.of(name, false);
	}

	private List<String> list(String close) {
		List<String> items = new ArrayList<>();
		if (accept(close)) {
			return items;
		}
		do {
			items.add(unwrap(or()));
		}
		while (accept(","));
		expect(close);
		return items;
	}

	private static String unwrap(Expr expr) {
		return expr.wrapped() ? expr.sql().substring(1, expr.sql().length() - 1) : expr.sql();
	}

	private static String identifier(Token token) {
		String text = token.text();
		if (token.kind() == Kind.QUOTED_IDENTIFIER
				&& (!text.matches("[a-z_][a-z0-9_$]*") || PLAIN_KEYWORDS.contains(text))) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	private static String literal(Token token) {
		return switch (token.kind()) {
			case STRING -> "'" + token.text().replace("'", "''") + "'";
			case QUOTED_IDENTIFIER -> identifier(token);
			default -> token.text();
		};
	}

	private static Expr wrapped(String sql) {
		return Expr.of("(" + sql + ")", true);
	}

	private @Nullable Token peek() {
		return (this.position < this.tokens.size()) ? this.tokens.get(this.position) : null;
	}

	private boolean peekIs(String text) {
		Token token = peek();
		return token != null && token.is(text);
	}

	private boolean isAnyOf(int ahead, String... texts) {
		int index = this.position + ahead;
		return index < this.tokens.size() && List.of(texts).contains(this.tokens.get(index).text());
	}

	private Token next() {
		if (this.position >= this.tokens.size()) {
			throw new IllegalArgumentException("unexpected end");
		}
		return this.tokens.get(this.position++);
	}

	private Token previous() {
		return this.tokens.get(this.position - 1);
	}

	private boolean accept(String text) {
		if (peekIs(text)) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(String text) {
		if (!accept(text)) {
			throw new IllegalArgumentException("expected " + text);
		}
	}

	/**
	 * A parsed expression in canonical form.
	 *
	 * @param sql the canonical text
	 * @param wrapped whether the text is an operation wrapped in its own parentheses
	 * @param stringValue the value of a string literal, or {@code null}
	 * @param number whether the expression is a numeric literal
	 */
	private record Expr(String sql, boolean wrapped, @Nullable String stringValue, boolean number) {

		static Expr of(String sql, boolean wrapped) {
			return new Expr(sql, wrapped, null, false);
		}

	}

}
