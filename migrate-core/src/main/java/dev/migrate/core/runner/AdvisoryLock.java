package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.migrate.core.dialect.Locking;

/**
 * The migration lock: a session lock of the database around a migration. Unlike
 * Liquibase's lock table it cannot outlive its holder: when the holder's connection ends,
 * however it ends, the lock is gone.
 */
final class AdvisoryLock implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Connection connection;

	private final Locking locking;

	private final long key;

	private AdvisoryLock(Connection connection, Locking locking, long key) {
		this.connection = connection;
		this.locking = locking;
		this.key = key;
	}

	/**
	 * Take the lock on the given connection, waiting at most {@code timeout}.
	 */
	static AdvisoryLock acquire(Connection connection, Locking locking, long key, Duration timeout)
			throws SQLException {
		locking.beforeLock(connection);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!locking.tryLock(connection, key)) {
			if (System.nanoTime() > deadline) {
				throw new MigrationException("Timed out after " + timeout.toSeconds()
						+ "s waiting for the migration lock (" + locking.lockName(key) + ") held by "
						+ locking.lockHolder(connection, key) + "; another instance is migrating this database");
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationException("Interrupted while waiting for the migration lock", ex);
			}
		}
		return new AdvisoryLock(connection, locking, key);
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
			this.locking.unlock(this.connection, this.key);
			this.locking.afterUnlock(this.connection);
		}
		catch (SQLException ex) {
			this.connection.abort(Runnable::run);
		}
	}

}
