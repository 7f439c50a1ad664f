package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A PostgreSQL session advisory lock around a migration. Unlike Liquibase's lock table it
 * cannot outlive its holder: when the holder's connection ends, however it ends, the lock
 * is gone.
 * <p>
 * A backend whose client was killed in the middle of a statement would otherwise run that
 * statement to its end (a long data migration, an index build) and keep the lock until
 * then; with {@code client_connection_check_interval} (PostgreSQL 14+) it notices the
 * lost client within a second, rolls back and lets the next instance in.
 */
final class AdvisoryLock implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private static final String CHECK_CLIENT = "client_connection_check_interval";

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Take the lock on the given connection, waiting at most {@code timeout}.
	 */
	static AdvisoryLock acquire(Connection connection, long key, Duration timeout) throws SQLException {
		checkClientConnection(connection, "'1s'");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!tryLock(connection, key)) {
			if (System.nanoTime() > deadline) {
				throw new MigrationException("Timed out after " + timeout.toSeconds()
						+ "s waiting for the migration lock (PostgreSQL advisory lock " + key + ") held by "
						+ holder(connection, key) + "; another instance is migrating this database");
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationException("Interrupted while waiting for the migration lock", ex);
			}
		}
		return new AdvisoryLock(connection, key);
	}

	private static void checkClientConnection(Connection connection, String interval) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() < 14 || !connection.getAutoCommit()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET " + CHECK_CLIENT + " = " + interval);
		}
		catch (SQLException ex) {
			// Platforms without POLLRDHUP reject any value but 0: the lock still dies
			// with the connection, only later.
		}
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	private static String holder(Connection connection, long key) throws SQLException {
		String sql = """
				SELECT l.pid, a.application_name, a.client_addr, now() - a.backend_start
				FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted
				  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?
				""";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next()
						? "backend pid " + result.getInt(1) + " (application '" + result.getString(2) + "', client "
								+ result.getString(3) + ", connected for " + result.getString(4) + ")"
						: "a session that has just released it";
			}
		}
	}

	/**
	 * Release the lock. If it cannot be released (a broken transaction, a broken
	 * connection), the connection is aborted: a pooled connection must not go back to its
	 * pool still holding the lock.
	 */
	@Override
	public void close() throws SQLException {
		if (this.connection.isClosed()) {
			return;
		}
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
			try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				statement.setLong(1, this.key);
				statement.execute();
			}
			checkClientConnection(this.connection, "DEFAULT");
		}
		catch (SQLException ex) {
			this.connection.abort(Runnable::run);
		}
	}

}
