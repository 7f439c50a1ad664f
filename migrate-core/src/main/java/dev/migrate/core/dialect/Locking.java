package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How a database lets migrations take turns and keeps their statements from queueing
 * behind other sessions: a session lock that dies with its holder, timeouts for lock
 * waits and statements, and who holds the locks a statement waited for.
 */
public interface Locking {

	/**
	 * Prepare a session that is about to take the migration lock, e.g. so that the server
	 * notices a lost client early and frees the lock; undone by
	 * {@link #afterUnlock(Connection)}.
	 * @param connection the connection
	 */
	void beforeLock(Connection connection);

	/**
	 * Undo what {@link #beforeLock(Connection)} did.
	 * @param connection the connection
	 */
	void afterUnlock(Connection connection);

	/**
	 * Take the session lock of the given key if it is free.
	 * @param connection the connection
	 * @param key the lock's key
	 * @return whether it was taken
	 * @throws SQLException if the database cannot be asked
	 */
	boolean tryLock(Connection connection, long key) throws SQLException;

	/**
	 * Release the session lock of the given key.
	 * @param connection the connection that holds it
	 * @param key the lock's key
	 * @throws SQLException if it cannot be released
	 */
	void unlock(Connection connection, long key) throws SQLException;

	/**
	 * Return the lock as a user finds it on the server, e.g.
	 * {@code PostgreSQL advisory lock 42}.
	 * @param key the lock's key
	 * @return its name
	 */
	String lockName(long key);

	/**
	 * Describe the session that holds the lock of the given key.
	 * @param connection the connection
	 * @param key the lock's key
	 * @return the holder
	 * @throws SQLException if the database cannot be asked
	 */
	String lockHolder(Connection connection, long key) throws SQLException;

	/**
	 * Return the statements that set the session's lock and statement timeouts.
	 * @param lock how long a statement may wait for a lock; zero for no limit
	 * @param statement how long a statement may run; zero for no limit
	 * @return the statements
	 */
	List<String> setTimeouts(Duration lock, Duration statement);

	/**
	 * Return the statements that put the session's timeouts back to the server's
	 * defaults.
	 * @return the statements
	 */
	List<String> resetTimeouts();

	/**
	 * Return whether SQL sets the lock or statement timeout itself.
	 * @param sql the SQL
	 * @return whether it sets either
	 */
	boolean setsTimeouts(String sql);

	/**
	 * Return whether SQL asks only for locks whose waiting blocks no reads or writes, and
	 * must wait for older transactions (a concurrent index build, a validation): it may
	 * wait for locks as long as a statement may run.
	 * @param sql the SQL
	 * @return whether it waits without blocking others
	 */
	boolean waitsWithoutBlocking(String sql);

	/**
	 * Return whether SQL builds an index, which runs without a statement timeout.
	 * @param sql the SQL
	 * @return whether it builds an index
	 */
	boolean buildsIndex(String sql);

	/**
	 * Return whether a failure is a statement that gave up waiting for a lock.
	 * @param ex the failure
	 * @return whether it timed out on a lock
	 */
	boolean isLockTimeout(SQLException ex);

	/**
	 * Describe the other sessions that hold locks on the given tables, or on any table of
	 * a user schema when none is given.
	 * @param connection a connection that is not in a failed transaction
	 * @param tables tables as {@code schema.table} or {@code table}, unquoted
	 * @return one description per session
	 * @throws SQLException if the database cannot be asked
	 */
	List<String> lockHolders(Connection connection, Collection<String> tables) throws SQLException;

	/**
	 * Return how an administrator ends a blocking session, for a message.
	 * @return e.g. the functions that cancel or end it
	 */
	String endBlockingSession();

}
