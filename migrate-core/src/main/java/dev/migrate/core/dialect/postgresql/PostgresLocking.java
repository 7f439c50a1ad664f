package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import dev.migrate.core.dialect.Locking;

/**
 * PostgreSQL's transaction-level advisory lock, {@code lock_timeout} and
 * {@code statement_timeout}, all set for a transaction only ({@code SET LOCAL}): through
 * a transaction pooler (PgBouncer's {@code pool_mode=transaction}, Neon's or Supabase's
 * poolers) a client has a server connection only for one transaction, and anything set on
 * the session would stay on that server connection for the next client.
 * <p>
 * A backend whose client was killed in the middle of a statement would otherwise run that
 * statement to its end (a long data migration, an index build) and keep its locks until
 * then; with {@code client_connection_check_interval} (PostgreSQL 14+) it notices the
 * lost client within a second and rolls back.
 */
final class PostgresLocking implements Locking {

	private static final String CHECK_CLIENT = "SET LOCAL client_connection_check_interval = '1s'";

	/** PostgreSQL's SQLSTATE for a prepared statement that does not exist. */
	private static final String INVALID_STATEMENT_NAME = "26000";

	/** PostgreSQL's SQLSTATE for a prepared statement that exists already. */
	private static final String DUPLICATE_STATEMENT = "42P05";

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

	private static final Pattern OUTSIDE_TRANSACTION = Pattern
		.compile("\\b(concurrently|vacuum|alter\\s+system|(create|drop)\\s+(database|tablespace))\\b");

	private static final Pattern SETS_TIMEOUTS = Pattern
		.compile("\\bset\\s+((session|local)\\s+)?(lock_timeout|statement_timeout)\\b"
				+ "|\\bset_config\\s*\\(\\s*'(lock_timeout|statement_timeout)'");

	private final Map<Connection, Boolean> watchesClient = Collections.synchronizedMap(new WeakHashMap<>());

	@Override
	public void prepareLockTransaction(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// The transaction idles while the migration runs on another connection. A
			// statement that takes no snapshot also drops the portal of the one that took
			// the lock, and with it the snapshot that a CREATE INDEX CONCURRENTLY would
			// wait for.
			statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
		}
	}

	@Override
	public List<String> watchClient(Connection connection) {
		Boolean watches = this.watchesClient.get(connection);
		if (watches == null) {
			if (!autoCommit(connection)) {
				return List.of();
			}
			watches = canWatchClient(connection);
			this.watchesClient.put(connection, watches);
		}
		return watches ? List.of(CHECK_CLIENT) : List.of();
	}

	/**
	 * In auto-commit mode, a transaction-local {@code set_config} checks its value and
	 * then holds for its one statement only (unlike {@code SET LOCAL}, without a warning
	 * in the server's log): platforms without POLLRDHUP reject any value but 0, and
	 * PostgreSQL 13 and earlier have no such setting.
	 */
	private static boolean canWatchClient(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT set_config('client_connection_check_interval', '1s', true)");
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean autoCommit(Connection connection) {
		try {
			return connection.getAutoCommit();
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
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
	public List<String> setTimeouts(Duration lock, Duration statement, boolean local) {
		String set = local ? "SET LOCAL " : "SET ";
		return List.of(set + "lock_timeout = '" + lock.toMillis() + "ms'",
				set + "statement_timeout = '" + statement.toMillis() + "ms'");
	}

	@Override
	public boolean runsOnlyOutsideTransaction(String sql) {
		return OUTSIDE_TRANSACTION.matcher(sql.toLowerCase(Locale.ROOT)).find();
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
	public Optional<String> poolerLimit(SQLException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("pooling mode")) {
			// PgBouncer: "transaction blocks not allowed in statement pooling mode".
			return Optional.of("the connection pooler refuses transactions (" + message.strip()
					+ "); Migrate holds its lock in a transaction and applies changesets in transactions");
		}
		if ((INVALID_STATEMENT_NAME.equals(ex.getSQLState()) || DUPLICATE_STATEMENT.equals(ex.getSQLState()))
				&& message.contains("prepared statement")) {
			return Optional.of("a transaction pooler ran a transaction on another server connection than the one"
					+ " that had the driver's prepared statement (" + message.strip()
					+ "); add prepareThreshold=0 to the JDBC URL, or let the pooler keep prepared statements"
					+ " (PgBouncer 1.21+, max_prepared_statements)");
		}
		return Optional.empty();
	}

	@Override
	public String endBlockingSession() {
		return "pg_cancel_backend/pg_terminate_backend";
	}

}
