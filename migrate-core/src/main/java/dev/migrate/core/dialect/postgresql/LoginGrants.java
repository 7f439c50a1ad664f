package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a login that only reads and writes rows lacks to use the tables and sequences the
 * migrating login owns. A table needs any of SELECT, INSERT, UPDATE or DELETE, a sequence
 * USAGE or UPDATE (Hibernate calls {@code nextval}; without a privilege it does not even
 * see the sequence, and {@code ddl-auto=validate} reports it missing), their schema
 * USAGE. Sequences of identity columns need none, partitions are used through their
 * parent.
 */
final class LoginGrants {

	private static final String UNUSABLE = """
			SELECT n.nspname, c.relname, c.relkind = 'S', has_schema_privilege(n.oid, 'USAGE'), current_user
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = ?)
			  AND c.relkind IN ('r', 'p', 'S') AND NOT c.relispartition
			  AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			  AND c.relname <> ALL (?)
			  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			    AND d.objid = c.oid AND d.deptype = 'i')
			  AND (NOT has_schema_privilege(n.oid, 'USAGE') OR NOT CASE WHEN c.relkind = 'S'
			    THEN has_sequence_privilege(c.oid, 'USAGE, UPDATE')
			    ELSE has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE') END)
			ORDER BY 1, 3, 2""";

	private static final String TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE";

	private LoginGrants() {
	}

	static List<String> missing(Connection connection, String owner, Collection<String> excludedTables)
			throws SQLException {
		PostgresDialect dialect = new PostgresDialect();
		List<String> grants = new ArrayList<>();
		Set<String> schemaUsage = new LinkedHashSet<>();
		Set<String> schemas = new LinkedHashSet<>();
		String login = null;
		try (PreparedStatement statement = connection.prepareStatement(UNUSABLE)) {
			statement.setString(1, owner);
			statement.setArray(2, connection.createArrayOf("text", excludedTables.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String schema = dialect.quote(result.getString(1));
					String name = schema + "." + dialect.quote(result.getString(2));
					login = dialect.quote(result.getString(5));
					if (!result.getBoolean(4)) {
						schemaUsage.add("GRANT USAGE ON SCHEMA " + schema + " TO " + login);
					}
					schemas.add(schema);
					grants.add(result.getBoolean(3) ? "GRANT USAGE ON SEQUENCE " + name + " TO " + login
							: "GRANT " + TABLE_PRIVILEGES + " ON " + name + " TO " + login);
				}
			}
		}
		if (login == null) {
			return List.of();
		}
		List<String> statements = new ArrayList<>(schemaUsage);
		statements.addAll(grants);
		String role = dialect.quote(owner);
		for (String schema : schemas) {
			statements.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " IN SCHEMA " + schema + " GRANT "
					+ TABLE_PRIVILEGES + " ON TABLES TO " + login);
			statements.add("ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " IN SCHEMA " + schema
					+ " GRANT USAGE ON SEQUENCES TO " + login);
		}
		return statements;
	}

}
