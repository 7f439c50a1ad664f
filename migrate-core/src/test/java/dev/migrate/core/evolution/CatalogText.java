package dev.migrate.core.evolution;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.diff.TableChange;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.testsupport.TestDatabase;

/**
 * A database's schemas as PostgreSQL stores them, one sorted line per fact and no oids:
 * the oracle for "the same schema" that does not go through Migrate's own model. It
 * covers schemas; tables (kind, persistence, comment); columns (type by
 * {@code format_type}, NOT NULL, identity, generation, collation, default by
 * {@code pg_get_expr}, comment) and their order; every constraint by name with
 * {@code pg_get_constraintdef} (NOT VALID included; on PostgreSQL 18 the named NOT NULL
 * constraints too); every index by {@code pg_get_indexdef} (name included) and validity;
 * sequences (type, start, increment, minimum, maximum, cache, cycle, owner); enum labels
 * in order. Liquibase's own tables are left out.
 */
final class CatalogText {

	private static final String COLUMN_ORDER = "column order ";

	private static final Pattern NOT_NULL = Pattern.compile("constraint \\w+\\.(\\w+) (\\w+) NOT NULL (\\w+)");

	private static final Pattern IDENTITY_SEQUENCE = Pattern
		.compile("sequence \\w+\\.(\\w+) .* owned by i column (\\w+) of table (?:\\w+\\.)?(\\w+)");

	private static final String DUMP = """
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
	static List<String> of(TestDatabase database) {
		List<String> lines = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(DUMP)) {
			while (rows.next()) {
				lines.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return lines;
	}

	/**
	 * Return the lines with the given columns left out of their tables' column order
	 * (each column keeps its own line): for comparing a table after a downgrade added
	 * back columns that the upgrade dropped. PostgreSQL adds a column after the others
	 * and cannot move it, so only the order of the others can be what it was.
	 * @param lines the lines
	 * @param columns the columns to leave out of the order
	 * @return the lines
	 */
	static List<String> withoutColumnOrderOf(List<String> lines, Collection<Change.ColumnRef> columns) {
		Map<String, Set<String>> left = new HashMap<>();
		columns.forEach((column) -> left.computeIfAbsent(name(column.table()), (table) -> new HashSet<>())
			.add(ident(column.column())));
		return lines.stream().map((line) -> {
			if (!line.startsWith(COLUMN_ORDER)) {
				return line;
			}
			int colon = line.lastIndexOf(": ");
			Set<String> out = left.get(line.substring(COLUMN_ORDER.length(), colon));
			if (out == null) {
				return line;
			}
			List<String> kept = Arrays.stream(line.substring(colon + 2).split(", "))
				.filter((column) -> !out.contains(column))
				.toList();
			return line.substring(0, colon + 2) + String.join(", ", kept);
		}).toList();
	}

	/**
	 * Return the columns that the changes drop from tables they keep, which a downgrade
	 * adds back, each under the name its table had before the changes.
	 * @param changes the changes
	 * @param options the options they were made with, for the table renames
	 * @return the columns
	 */
	static List<Change.ColumnRef> droppedColumns(List<Change> changes, DiffOptions options) {
		Map<QualifiedName, QualifiedName> renamedFrom = new HashMap<>();
		options.renames().tables().forEach((from, to) -> renamedFrom.put(to, from));
		return changes.stream()
			.filter(TableChange.DropColumn.class::isInstance)
			.map(TableChange.DropColumn.class::cast)
			.map((drop) -> new Change.ColumnRef(renamedFrom.getOrDefault(drop.table(), drop.table()),
					drop.column().name()))
			.toList();
	}

	/**
	 * Return the columns whose NOT NULL constraint (PostgreSQL 18) or identity sequence a
	 * downgrade cannot be expected to name as it was, as {@code "
	 *
	<table>
	 *  <column>"} with the table unqualified: Migrate's model has no names for them, so
	 * whatever makes one again (a rollback that sets NOT NULL or identity, adds a column
	 * or creates a table) gets PostgreSQL's name, after the table and column names of
	 * that moment. That is the name it had unless the table or column was renamed after
	 * it was made: in an earlier revision (the name is then not PostgreSQL's for it), or
	 * in this one (the rollback makes it before it renames back).
	 * @param before the lines before the upgrade
	 * @param hints the renames of the revision
	 * @return the columns
	 */
	static Set<String> implicitNamesNotRestored(List<String> before, RenameHints hints) {
		Set<String> tables = new HashSet<>();
		hints.tables().keySet().forEach((table) -> tables.add(table.name()));
		Set<String> columns = new HashSet<>();
		hints.columns()
			.keySet()
			.forEach((column) -> columns
				.add(RandomRenames.hintedFrom(hints, column.table()).name() + " " + column.column()));
		for (String line : before) {
			String[] named = implicitlyNamed(line);
			if (named != null && (tables.contains(named[0]) || !named[2]
				.equals(named[0] + "_" + named[1] + "_" + (line.startsWith("constraint ") ? "not_null" : "seq")))) {
				columns.add(named[0] + " " + named[1]);
			}
		}
		return columns;
	}

	/**
	 * Return the lines, sorted, with no name on the NOT NULL constraints and identity
	 * sequences of the given columns.
	 * @param lines the lines
	 * @param columns the columns, as {@code "<table> <column>"}
	 * @return the lines
	 */
	static List<String> withoutImplicitNamesOf(List<String> lines, Set<String> columns) {
		return lines.stream().map((line) -> {
			String[] named = implicitlyNamed(line);
			if (named == null || !columns.contains(named[0] + " " + named[1])) {
				return line;
			}
			int start = line.startsWith("constraint ") ? line.indexOf(' ', "constraint ".length()) + 1
					: "sequence ".length();
			return line.substring(0, start) + "(name)" + line.substring(line.indexOf(' ', start));
		}).sorted().toList();
	}

	/**
	 * The unqualified table, the column and the object name of a NOT NULL constraint's or
	 * identity sequence's line (plain names only), or {@code null}.
	 */
	private static String[] implicitlyNamed(String line) {
		Matcher notNull = NOT_NULL.matcher(line);
		if (notNull.matches()) {
			return new String[] { notNull.group(1), notNull.group(3), notNull.group(2) };
		}
		Matcher identity = IDENTITY_SEQUENCE.matcher(line);
		return identity.matches() ? new String[] { identity.group(3), identity.group(2), identity.group(1) } : null;
	}

	private static String name(QualifiedName table) {
		return ident(table.schema()) + "." + ident(table.name());
	}

	/** An identifier as {@code quote_ident} writes it (but for reserved words). */
	private static String ident(String identifier) {
		return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
