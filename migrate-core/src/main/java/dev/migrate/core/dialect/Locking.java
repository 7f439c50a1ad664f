package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a database lets migrations take turns and keeps their statements from queueing
 * behind other sessions: a lock that dies with its holder's transaction, timeouts for
 * lock waits and statements that end with each transaction, and who holds the locks a
 * statement waited for. Nothing is left on a session, so that a server connection that a
 * transaction pooler shares between clients is handed on as it was found.
 */
public interface Locking {

	/**
	 * Prepare the transaction that has just taken the migration lock to stay open while
	 * the migration runs on another connection: the server must not end it as idle in a
	 * transaction, and it must hold no snapshot, which a concurrent index build of the
	 * migration would wait for. Whatever it sets ends with the transaction.
	 * @param connection the lock's connection, not in auto-commit mode
	 * @throws SQLException if the database cannot be asked
	 */
	void prepareLockTransaction(Connection connection) throws SQLException;

	/**
	 * Take the lock of the given key for the connection's current transaction if it is
	 * free. The lock ends with the transaction, or with the connection however it ends,
	 * so that nothing outlives the migration, even on a server connection a pooler shares
	 * between clients.
	 * @param connection the connection, not in auto-commit mode
	 * @param key the lock's key
	 * @return whether it was taken
	 * @throws SQLException if the database cannot be asked
	 */
	boolean tryLock(Connection connection, long key) throws SQLException;

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
	 * Return the statements that set the lock and statement timeouts.
	 * @param lock how long a statement may wait for a lock; zero for no limit
	 * @param statement how long a statement may run; zero for no limit
	 * @param local whether they hold for the current transaction only (what a migration
	 * runs), as opposed to the session (the SQL an upgrade would run, for a person to
	 * run)
	 * @return the statements
	 */
	List<String> setTimeouts(Duration lock, Duration statement, boolean local);

	/**
	 * Return the statements that make the server notice, for the current transaction, a
	 * client that is gone in the middle of a statement (so that a killed instance's
	 * statement ends and frees its locks instead of running on), or none if the server
	 * cannot. The server is asked once per connection, with a statement that leaves
	 * nothing behind.
	 * @param connection the connection
	 * @return the statements, each holding for the current transaction only
	 */
	List<String> watchClient(Connection connection);

	/**
	 * Return whether SQL cannot run in a transaction block (e.g. a concurrent index
	 * build), so that it runs with the session's own timeouts: a setting for it alone
	 * cannot be made without one, and a session setting would outlive it on a server
	 * connection a pooler shares between clients.
	 * @param sql the SQL
	 * @return whether it must run outside a transaction
	 */
	boolean runsOnlyOutsideTransaction(String sql);

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
	 * Return what a connection pooler between Migrate and the database did not allow, if
	 * that is what a failure says (a pooler in statement mode refuses transactions; one
	 * in transaction mode loses a server-side prepared statement between transactions).
	 * @param ex the failure
	 * @return what was not allowed and what to do about it, or empty
	 */
	Optional<String> poolerLimit(SQLException ex);

	/**
	 * Return how an administrator ends a blocking session, for a message.
	 * @return e.g. the functions that cancel or end it
	 */
	String endBlockingSession();

}
