package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migrate.core.dialect.Locking;

/**
 * PostgreSQL's session advisory lock, {@code lock_timeout} and {@code statement_timeout}.
 * <p>
 * A backend whose client was killed in the middle of a statement would otherwise run that
 * statement to its end (a long data migration, an index build) and keep the lock until
 * then; with {@code client_connection_check_interval} (PostgreSQL 14+) it notices the
 * lost client within a second, rolls back and lets the next instance in.
 */
final class PostgresLocking implements Locking {

	private static final String CHECK_CLIENT = "client_connection_check_interval";

	/** PostgreSQL's SQLSTATE for a lock not obtained within {@code lock_timeout}. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final String HOLDER = """
			SELECT l.pid, a.application_name, a.client_addr, now() - a.backend_start
			FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted
			  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
			""";

	private static final Pattern INDEX_BUILD = Pattern.compile("\\b(create\\s+(unique\\s+)?index|reindex)\\b");

	private static final Pattern WAITS_WITHOUT_BLOCKING = Pattern
		.compile("\\b(concurrently|validate\\s+constraint)\\b");

	private static final Pattern SETS_TIMEOUTS = Pattern
		.compile("\\bset\\s+((session|local)\\s+)?(lock_timeout|statement_timeout)\\b"
				+ "|\\bset_config\\s*\\(\\s*'(lock_timeout|statement_timeout)'");

	@Override
	public void beforeLock(Connection connection) {
		checkClientConnection(connection, "'1s'");
	}

	@Override
	public void afterUnlock(Connection connection) {
		checkClientConnection(connection, "DEFAULT");
	}

	private static void checkClientConnection(Connection connection, String interval) {
		try {
			if (connection.getMetaData().getDatabaseMajorVersion() < 14 || !connection.getAutoCommit()) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET " + CHECK_CLIENT + " = " + interval);
			}
		}
		catch (SQLException ex) {
			// Platforms without POLLRDHUP reject any value but 0: the lock still dies
			// with the connection, only later.
		}
	}

	@Override
	public boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	public void unlock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, key);
			statement.execute();
		}
	}

	@Override
	public String lockName(long key) {
		return "PostgreSQL advisory lock " + key;
	}

	@Override
	public String lockHolder(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER)) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next()
						? "backend pid " + result.getInt(1) + " (application '" + result.getString(2) + "', client "
								+ result.getString(3) + ", connected for " + result.getString(4) + ")"
						: "a session that has just released it";
			}
		}
	}

	@Override
	public List<String> setTimeouts(Duration lock, Duration statement) {
		return List.of("SET lock_timeout = '" + lock.toMillis() + "ms'",
				"SET statement_timeout = '" + statement.toMillis() + "ms'");
	}

	@Override
	public List<String> resetTimeouts() {
		return List.of("RESET lock_timeout", "RESET statement_timeout");
	}

	@Override
	public boolean setsTimeouts(String sql) {
		return SETS_TIMEOUTS.matcher(sql.toLowerCase(Locale.ROOT)).find();
	}

	@Override
	public boolean waitsWithoutBlocking(String sql) {
		return WAITS_WITHOUT_BLOCKING.matcher(sql.toLowerCase(Locale.ROOT)).find();
	}

	@Override
	public boolean buildsIndex(String sql) {
		return INDEX_BUILD.matcher(sql.toLowerCase(Locale.ROOT)).find();
	}

	@Override
	public boolean isLockTimeout(SQLException ex) {
		return LOCK_NOT_AVAILABLE.equals(ex.getSQLState());
	}

	@Override
	public List<String> lockHolders(Connection connection, Collection<String> tables) throws SQLException {
		return LockHolders.describe(connection, tables);
	}

	@Override
	public String endBlockingSession() {
		return "pg_cancel_backend/pg_terminate_backend";
	}

}
