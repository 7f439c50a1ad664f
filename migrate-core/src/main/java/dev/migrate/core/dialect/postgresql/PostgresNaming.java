package dev.migrate.core.dialect.postgresql;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrate.core.dialect.postgresql.ExpressionTokens.Kind;
import dev.migrate.core.dialect.postgresql.ExpressionTokens.Token;
import dev.migrate.core.diff.Naming;
import dev.migrate.core.schema.QualifiedName;

/**
 * Names for constraints and indexes that the entities leave unnamed, in PostgreSQL's own
 * style (table, columns and a suffix, e.g. {@code users_email_key}), shortened with a
 * hash to PostgreSQL's 63 bytes.
 */
final class PostgresNaming implements Naming {

	static final PostgresNaming INSTANCE = new PostgresNaming();

	private static final int MAX_LENGTH = 63;

	/** Words of a condition that are not columns. */
	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "null", "true", "false", "in", "between",
			"is", "like", "ilike", "similar", "escape", "any", "all", "some", "array", "case", "when", "then", "else",
			"end", "distinct", "from", "current_date", "current_time", "current_timestamp", "localtime",
			"localtimestamp", "current_user", "session_user", "user", "interval", "collate", "isnull", "notnull");

	private PostgresNaming() {
	}

	@Override
	public String primaryKey(QualifiedName table) {
		return fit(table.name() + "_pkey");
	}

	@Override
	public String unique(QualifiedName table, List<String> columns) {
		return fit(table.name() + "_" + String.join("_", columns) + "_key");
	}

	@Override
	public String index(QualifiedName table, List<String> keys) {
		return fit(table.name() + "_" + String.join("_", keys).replaceAll("[^A-Za-z0-9_]", "") + "_idx");
	}

	@Override
	public String foreignKey(QualifiedName table, List<String> columns) {
		return fit(table.name() + "_" + String.join("_", columns) + "_fkey");
	}

	/**
	 * Return the name PostgreSQL gives an unnamed check: {@code table_column_check} when
	 * the condition reads one column, {@code table_check} otherwise.
	 */
	@Override
	public String check(QualifiedName table, String expression) {
		Set<String> columns = columns(expression);
		return fit(table.name() + ((columns.size() == 1) ? "_" + columns.iterator().next() : "") + "_check");
	}

	/**
	 * The columns a condition reads: identifiers that are neither keywords nor functions.
	 * A condition this cannot tell reads more than one, as far as naming goes.
	 */
	private static Set<String> columns(String expression) {
		Set<String> columns = new LinkedHashSet<>();
		try {
			List<Token> tokens = ExpressionTokens.tokenize(expression);
			for (int i = 0; i < tokens.size(); i++) {
				Token token = tokens.get(i);
				boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
				boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).is(".")
						|| i > 0 && tokens.get(i - 1).is("::");
				if (token.kind() == Kind.QUOTED_IDENTIFIER && !call && !qualifier) {
					columns.add(token.text());
				}
				else if (token.kind() == Kind.IDENTIFIER && !call && !qualifier && !KEYWORDS.contains(token.text())) {
					columns.add(token.text());
				}
			}
		}
		catch (RuntimeException ex) {
			return Set.of();
		}
		return columns;
	}

	/**
	 * The check that proves a column NOT NULL while it is set online; not the name
	 * PostgreSQL 18 gives the NOT NULL constraint itself (table_column_not_null).
	 */
	@Override
	public String notNullCheck(QualifiedName table, String column) {
		return fit(table.name() + "_" + column + "_migrate_not_null");
	}

	/** The name a changed index is built under before it replaces the old one. */
	@Override
	public String replacement(String index) {
		return fit(index + "_migrate_new");
	}

	/**
	 * Return {@code name}, or the first of {@code name1}, {@code name2}, ... that is not
	 * taken, as PostgreSQL itself chooses a name for an unnamed constraint.
	 */
	@Override
	public String unused(String name, Predicate<String> taken) {
		String candidate = name;
		for (int i = 1; taken.test(candidate); i++) {
			candidate = fit(name + i);
		}
		return candidate;
	}

	private static String fit(String name) {
		if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_LENGTH) {
			return name;
		}
		return name.substring(0, MAX_LENGTH - 9) + "_" + hash(name);
	}

	private static String hash(String text) {
		return String.format("%08x", text.hashCode());
	}

}
