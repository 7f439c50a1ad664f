package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import dev.migrate.core.dialect.Locking;
import dev.migrate.core.exception.MigrateException;

/**
 * The migration lock: a lock of the database held by a transaction of its own, on a
 * connection of its own, that stays open while the migration runs on another connection.
 * Unlike Liquibase's lock table it cannot outlive its holder: when the transaction ends,
 * or the connection ends however it ends, the lock is gone. Nothing of it stays on a
 * session either, so that through a transaction pooler (whose server connection the open
 * transaction keeps for itself until it ends) the server connection goes back to the pool
 * as it was found. While it waits, it holds no transaction open, so that instances
 * waiting behind a pooler do not take the server connections the holder needs.
 */
final class AdvisoryLock implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Connection connection;

	private AdvisoryLock(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Take the lock on a new connection of the data source, waiting at most
	 * {@code timeout}.
	 */
	static AdvisoryLock acquire(DataSource dataSource, Locking locking, long key, Duration timeout)
			throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(false);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				if (locking.tryLock(connection, key)) {
					locking.prepareLockTransaction(connection);
					return new AdvisoryLock(connection);
				}
				String holder = (System.nanoTime() > deadline) ? locking.lockHolder(connection, key) : null;
				connection.rollback();
				if (holder != null) {
					throw new MigrateException("Timed out after " + timeout.toSeconds()
							+ "s waiting for the migration lock (" + locking.lockName(key) + ") held by " + holder
							+ "; another instance is migrating this database");
				}
				Thread.sleep(POLL.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close(connection);
			throw new MigrateException("Interrupted while waiting for the migration lock", ex);
		}
		catch (SQLException | RuntimeException ex) {
			close(connection);
			throw ex;
		}
	}

	/**
	 * Release the lock by ending its transaction, and close its connection. If the
	 * transaction cannot be ended, the connection is aborted: a pooled connection must
	 * not go back to its pool still holding the lock.
	 */
	@Override
	public void close() {
		close(this.connection);
	}

	private static void close(Connection connection) {
		try {
			if (!connection.isClosed()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ignored) {
				// Aborted or gone: either way the lock went with it.
			}
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// The transaction has ended, and the lock with it.
		}
	}

}
