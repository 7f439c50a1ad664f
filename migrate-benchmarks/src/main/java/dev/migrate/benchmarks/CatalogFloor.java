package dev.migrate.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The floor for reading a schema from PostgreSQL's catalogs: one set-based query per kind
 * of object, the server's own text for every definition ({@code format_type},
 * {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef}), every
 * value fetched as a string and nothing parsed or modelled. No catalog reader can read
 * the same facts with less work; Migrate's reader is measured against it.
 */
public final class CatalogFloor {

	static final String TABLES = """
			SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')""";

	static final String COLUMNS = """
			SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			       a.attidentity, pg_get_expr(d.adbin, d.adrelid), col_description(a.attrelid, a.attnum)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')""";

	static final String CONSTRAINTS = """
			SELECT co.conrelid, co.conname, co.contype, pg_get_constraintdef(co.oid)
			FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
			WHERE n.nspname = ANY (?) AND co.contype IN ('p', 'u', 'f', 'c')""";

	static final String INDEXES = """
			SELECT i.indrelid, ic.relname, pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
			JOIN pg_namespace n ON n.oid = ic.relnamespace
			WHERE n.nspname = ANY (?)""";

	static final String SEQUENCES = """
			SELECT c.relname, s.seqstart, s.seqincrement
			FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ANY (?)""";

	static final String ENUMS = """
			SELECT t.typname, e.enumsortorder, e.enumlabel
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			JOIN pg_enum e ON e.enumtypid = t.oid
			WHERE n.nspname = ANY (?)""";

	private CatalogFloor() {
	}

	/**
	 * Read every row of the queries.
	 * @param connection an open connection
	 * @param schemas the schemas to read
	 * @return how many rows of each query were read, in the order tables, columns,
	 * constraints, indexes, sequences, enum labels
	 * @throws SQLException if a query fails
	 */
	static int[] read(Connection connection, List<String> schemas) throws SQLException {
		Array names = connection.createArrayOf("text", schemas.toArray());
		return new int[] { rows(connection, TABLES, names), rows(connection, COLUMNS, names),
				rows(connection, CONSTRAINTS, names), rows(connection, INDEXES, names),
				rows(connection, SEQUENCES, names), rows(connection, ENUMS, names) };
	}

	private static int rows(Connection connection, String sql, Array schemas) throws SQLException {
		int rows = 0;
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, schemas);
			try (ResultSet result = statement.executeQuery()) {
				ResultSetMetaData meta = result.getMetaData();
				while (result.next()) {
					for (int column = 1; column <= meta.getColumnCount(); column++) {
						result.getString(column);
					}
					rows++;
				}
			}
		}
		return rows;
	}

}
