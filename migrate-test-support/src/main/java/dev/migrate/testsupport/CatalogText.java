package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database's schemas as PostgreSQL itself prints them, one sorted line per fact and no
 * oids: schemas; tables (kind, persistence, comment); columns (type by
 * {@code format_type}, NOT NULL, identity, generation, collation, default by
 * {@code pg_get_expr}, comment) and their order; every constraint by name with
 * {@code pg_get_constraintdef} (on PostgreSQL 18 the named NOT NULL constraints too);
 * every index by {@code pg_get_indexdef}, name included, and validity; sequences (type,
 * start, increment, minimum, maximum, cache, cycle, owner); enum labels in order.
 * Liquibase's own tables are left out. Two databases with equal lines hold the same
 * schema to the stored text: the oracle for "the same schema" that does not go through
 * Migrate's own model.
 */
public final class CatalogText {

	/** The prefix of the line that gives a table's column order. */
	public static final String COLUMN_ORDER = "column order ";

	private static final String QUERY = """
			WITH ns AS (
			  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
			  WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			), rel AS (
			  SELECT c.oid, quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind,
			         c.relpersistence
			  FROM pg_catalog.pg_class c JOIN ns ON ns.oid = c.relnamespace
			  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname NOT LIKE 'databasechangelog%'
			), col AS (
			  SELECT rel.name AS rel, a.*
			  FROM rel JOIN pg_catalog.pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
			)
			SELECT 'schema ' || ns.nspname FROM ns
			UNION ALL
			SELECT 'table ' || rel.name || ' kind ' || rel.relkind::text || ' persistence ' || rel.relpersistence::text
			       || coalesce(' comment ' || obj_description(rel.oid, 'pg_class'), '')
			FROM rel
			UNION ALL
			SELECT 'column ' || col.rel || '.' || quote_ident(col.attname) || ' '
			       || pg_catalog.format_type(col.atttypid, col.atttypmod)
			       || CASE WHEN col.attnotnull THEN ' not null' ELSE '' END
			       || CASE col.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default'
			          ELSE '' END
			       || CASE WHEN col.attgenerated <> '' THEN ' generated ' || col.attgenerated::text ELSE '' END
			       || coalesce(' collate ' || (SELECT co.collname FROM pg_catalog.pg_collation co
			                                   WHERE co.oid = col.attcollation AND co.collname <> 'default'), '')
			       || coalesce(' default ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')
			       || coalesce(' comment ' || col_description(col.attrelid, col.attnum), '')
			FROM col LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = col.attrelid AND d.adnum = col.attnum
			UNION ALL
			SELECT 'column order ' || col.rel || ': ' || string_agg(quote_ident(col.attname), ', ' ORDER BY col.attnum)
			FROM col GROUP BY col.rel
			UNION ALL
			SELECT 'constraint ' || rel.name || ' ' || quote_ident(co.conname) || ' '
			       || pg_catalog.pg_get_constraintdef(co.oid)
			       || coalesce(' comment ' || obj_description(co.oid, 'pg_constraint'), '')
			FROM rel JOIN pg_catalog.pg_constraint co ON co.conrelid = rel.oid
			UNION ALL
			SELECT 'index ' || pg_catalog.pg_get_indexdef(i.indexrelid)
			       || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END
			       || coalesce(' comment ' || obj_description(i.indexrelid, 'pg_class'), '')
			FROM rel JOIN pg_catalog.pg_index i ON i.indrelid = rel.oid
			UNION ALL
			SELECT 'sequence ' || quote_ident(ns.nspname) || '.' || quote_ident(c.relname)
			       || ' as ' || pg_catalog.format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
			       || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
			       || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
			       || coalesce(' owned by ' || (SELECT string_agg(d.deptype::text || ' '
			                   || pg_catalog.pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid), ', '
			                   ORDER BY d.deptype)
			                 FROM pg_catalog.pg_depend d
			                 WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
			                   AND d.deptype IN ('a', 'i')), '')
			       || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
			FROM pg_catalog.pg_sequence s
			JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid JOIN ns ON ns.oid = c.relnamespace
			UNION ALL
			SELECT 'enum ' || quote_ident(ns.nspname) || '.' || quote_ident(t.typname) || ' '
			       || coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
			           FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid), '')
			       || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
			FROM pg_catalog.pg_type t JOIN ns ON ns.oid = t.typnamespace
			WHERE t.typtype = 'e'
			ORDER BY 1
			""";

	private CatalogText() {
	}

	/**
	 * Return the lines that describe every schema of a database, sorted.
	 * @param database the database
	 * @return the lines
	 */
	public static List<String> lines(TestDatabase database) {
		List<String> lines = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(QUERY)) {
			while (rows.next()) {
				lines.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the catalog of " + database, ex);
		}
		return lines;
	}

	/**
	 * Return the lines of a database without its tables' column order: for comparing what
	 * two tools built, when they order columns each their own way.
	 * @param database the database
	 * @return the lines, joined by new lines
	 */
	public static String withoutColumnOrder(TestDatabase database) {
		return String.join("\n", lines(database).stream().filter((line) -> !line.startsWith(COLUMN_ORDER)).toList());
	}

}
