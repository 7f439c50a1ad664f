package dev.migrate.core.dialect.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The other sessions that hold locks on given tables (from {@code pg_locks} and
 * {@code pg_stat_activity}): who a statement that timed out on its lock was waiting for.
 */
final class LockHolders {

	private static final String QUERY = """
			SELECT a.pid, coalesce(a.usename, '?'), coalesce(a.state, '?'),
			       coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0),
			       left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 200),
			       string_agg(DISTINCT l.relation::regclass::text, ', ')
			FROM pg_catalog.pg_locks l
			JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
			JOIN pg_catalog.pg_class c ON c.oid = l.relation
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_backend_pid()
			  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			  AND (cardinality(?::text[]) = 0 OR l.relation = ANY (SELECT to_regclass(t) FROM unnest(?::text[]) t))
			GROUP BY a.pid, a.usename, a.state, a.xact_start, a.query
			ORDER BY a.xact_start NULLS LAST""";

	private LockHolders() {
	}

	/**
	 * Describe the sessions holding locks on the given tables, or on any table of a user
	 * schema when none is given.
	 * @param connection a connection that is not in a failed transaction
	 * @param tables tables as {@code schema.table} or {@code table}, unquoted
	 * @return one description per session, e.g. {@code pid 4711 (user app, idle in
	 * transaction for 25 s, holding author): SELECT count(*) FROM author}
	 */
	static List<String> describe(Connection connection, Collection<String> tables) throws SQLException {
		List<String> quoted = tables.stream().map(LockHolders::quote).toList();
		Array names = connection.createArrayOf("text", quoted.toArray());
		List<String> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
			statement.setArray(1, names);
			statement.setArray(2, names);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					holders.add("pid " + result.getInt(1) + " (user " + result.getString(2) + ", " + result.getString(3)
							+ " for " + result.getLong(4) + " s, holding " + result.getString(6) + "): "
							+ result.getString(5));
				}
			}
		}
		return holders;
	}

	private static String quote(String table) {
		int dot = table.indexOf('.');
		return (dot < 0) ? identifier(table)
				: identifier(table.substring(0, dot)) + "." + identifier(table.substring(dot + 1));
	}

	private static String identifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
