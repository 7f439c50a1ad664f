package dev.migrate.core.dialect.postgresql;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.core.schema.QualifiedName;

/**
 * The PostgreSQL checks that guard a baseline or a squash. Each returns 0 where the
 * revision must run (the database has none of its schema), 1 where it must be recorded as
 * applied (the database has all of it), and fails where the database has only part of it:
 * the cast of a text that depends on a row cannot be folded into a constant by the
 * planner, so it fails only then, and its text is PostgreSQL's error message. Their
 * rollback, which must not run, is a statement that fails.
 */
final class GuardSql {

	private GuardSql() {
	}

	static String baseline(List<QualifiedName> tables, String fileName) {
		String names = tables.stream()
			.map((table) -> "(" + PostgresTypes.literal(table.schema()) + ", " + PostgresTypes.literal(table.name())
					+ ")")
			.collect(Collectors.joining(", "));
		return "SELECT CASE WHEN count(*) = 0 THEN 0 WHEN count(*) = " + tables.size() + " THEN 1"
				+ " ELSE CAST('Migrate: this database has ' || count(*) || ' of the " + tables.size()
				+ " tables of the baseline " + escaped(fileName) + "' AS integer) END"
				+ " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relkind IN ('r', 'p') AND (n.nspname, c.relname) IN (" + names + ")";
	}

	static String squash(List<String> squashedFiles, int changeSets, String fileName, String last) {
		String names = squashedFiles.stream().map(PostgresTypes::literal).collect(Collectors.joining(", "));
		return "SELECT CASE WHEN count(*) = 0 THEN 0 WHEN count(*) >= " + changeSets + " THEN 1"
				+ " ELSE CAST('Migrate: this database applied ' || count(*) || ' of the " + changeSets
				+ " changesets squashed into " + escaped(fileName) + "; upgrade it to " + escaped(last)
				+ " with a release from before the squash, then start this one' AS integer) END"
				+ " FROM databasechangelog WHERE regexp_replace(filename, '^.*/', '') IN (" + names + ")";
	}

	static String fail(String message) {
		return "DO $$ BEGIN RAISE EXCEPTION '" + message.replace("'", "''").replace("%", "%%") + "'; END $$";
	}

	private static String escaped(String text) {
		return text.replace("'", "''");
	}

}
