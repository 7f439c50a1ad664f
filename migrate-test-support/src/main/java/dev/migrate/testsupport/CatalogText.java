package dev.migrate.testsupport;

import java.util.Arrays;
import java.util.List;

/**
 * A database's schema as PostgreSQL itself prints it, one sorted line per column,
 * constraint, index, sequence, enum type and comment: types from {@code format_type},
 * defaults from {@code pg_get_expr}, constraints from {@code pg_get_constraintdef} and
 * indexes from {@code pg_get_indexdef}, with their names. Two databases with equal text
 * hold the same schema to the stored text; only the order of columns (and object
 * identifiers) is left out. Liquibase's own tables are left out.
 */
public final class CatalogText {

	private static final String QUERY = """
			WITH ns AS (
			  SELECT oid, nspname FROM pg_namespace
			  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%%'
			), rel AS (
			  SELECT c.oid, ns.nspname || '.' || c.relname AS name, c.relkind
			  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
			  WHERE c.relname NOT IN ('databasechangelog', 'databasechangeloglock') %s
			)
			SELECT coalesce(string_agg(line, E'\\n' ORDER BY line), '') FROM (
			  SELECT 'column ' || rel.name || '.' || quote_ident(a.attname) || ' '
			         || format_type(a.atttypid, a.atttypmod)
			         || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
			         || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default'
			            ELSE '' END
			         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
			         || coalesce(' comment ' || quote_literal(col_description(rel.oid, a.attnum)), '') AS line
			  FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
			  LEFT JOIN pg_attrdef d ON d.adrelid = rel.oid AND d.adnum = a.attnum
			  WHERE rel.relkind IN ('r', 'p')
			  UNION ALL
			  SELECT 'constraint ' || rel.name || ' ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid)
			         || CASE WHEN co.convalidated THEN '' ELSE ' not validated' END
			  FROM pg_constraint co JOIN rel ON rel.oid = co.conrelid
			  WHERE co.contype <> 'n'
			  UNION ALL
			  SELECT 'index ' || rel.name || ' ' || pg_get_indexdef(i.indexrelid)
			         || CASE WHEN i.indisvalid THEN '' ELSE ' invalid' END
			  FROM pg_index i JOIN rel ON rel.oid = i.indrelid
			  UNION ALL
			  SELECT 'sequence ' || rel.name || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
			         || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
			         || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
			  FROM pg_sequence s JOIN rel ON rel.oid = s.seqrelid
			  UNION ALL
			  SELECT 'comment ' || rel.name || ' ' || quote_literal(obj_description(rel.oid, 'pg_class'))
			  FROM rel WHERE obj_description(rel.oid, 'pg_class') IS NOT NULL
			  UNION ALL
			  SELECT 'type ' || ns.nspname || '.' || t.typname || ' enum ('
			         || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
			             FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
			  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace WHERE t.typtype = 'e'
			) lines""";

	private CatalogText() {
	}

	/**
	 * Return the catalog text of a database.
	 * @param database the database
	 * @param excludedTables further tables to leave out (by name, in any schema)
	 * @return the lines, sorted, joined by new lines
	 */
	public static String of(TestDatabase database, String... excludedTables) {
		String excluded = (excludedTables.length == 0) ? ""
				: "AND c.relname NOT IN (" + String.join(", ",
						Arrays.stream(excludedTables).map((name) -> "'" + name.replace("'", "''") + "'").toList())
						+ ")";
		String text = database.queryForString(QUERY.formatted(excluded));
		return (text != null) ? text : "";
	}

	/**
	 * Return the catalog text of a database as lines.
	 * @param database the database
	 * @return the lines, sorted
	 */
	public static List<String> lines(TestDatabase database) {
		String text = of(database);
		return text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

}
