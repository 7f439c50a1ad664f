package dev.migrate.core.diff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import dev.migrate.core.schema.QualifiedName;

/**
 * Names for constraints and indexes that the entities leave unnamed, in PostgreSQL's own
 * style ({@code
 *
<table>
 * _<columns>_key}), shortened with a hash to PostgreSQL's 63 bytes.
 */
final class ConstraintNames {

	private static final int MAX_LENGTH = 63;

	private ConstraintNames() {
	}

	static String primaryKey(QualifiedName table) {
		return fit(table.name() + "_pkey");
	}

	static String unique(QualifiedName table, List<String> columns) {
		return fit(table.name() + "_" + String.join("_", columns) + "_key");
	}

	static String index(QualifiedName table, List<String> keys) {
		return fit(table.name() + "_" + String.join("_", keys).replaceAll("[^A-Za-z0-9_]", "") + "_idx");
	}

	static String foreignKey(QualifiedName table, List<String> columns) {
		return fit(table.name() + "_" + String.join("_", columns) + "_fkey");
	}

	static String check(QualifiedName table, String expression) {
		return fit(table.name() + "_" + hash(expression) + "_check");
	}

	/**
	 * The check that proves a column NOT NULL while it is set online; not the name
	 * PostgreSQL 18 gives the NOT NULL constraint itself (table_column_not_null).
	 */
	static String notNullCheck(QualifiedName table, String column) {
		return fit(table.name() + "_" + column + "_migrate_not_null");
	}

	/** The name a changed index is built under before it replaces the old one. */
	static String replacement(String index) {
		return fit(index + "_migrate_new");
	}

	/**
	 * Return {@code name}, or the first of {@code name1}, {@code name2}, ... that is not
	 * taken, as PostgreSQL itself chooses a name for an unnamed constraint.
	 */
	static String unused(String name, Predicate<String> taken) {
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
