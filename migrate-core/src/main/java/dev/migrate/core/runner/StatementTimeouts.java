package dev.migrate.core.runner;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.migrate.core.dialect.Locking;
import dev.migrate.core.exception.MigrateException;
import liquibase.Scope;
import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.CreateIndexChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Table;
import org.jspecify.annotations.Nullable;

/**
 * Gives every change Liquibase runs a short lock timeout and a statement timeout (the
 * dialect's {@link Locking}), so that a statement queued behind a long transaction gives
 * up instead of making every later reader of the table queue behind it. Index builds run
 * without a statement timeout. Concurrent builds and drops and constraint validations ask
 * only for locks whose waiting blocks no reads or writes, and must wait for every older
 * transaction: they wait for locks up to the statement timeout instead, and run without
 * one. A changeset whose own SQL sets either timeout keeps its own. The settings go
 * through Liquibase's executor, so that the SQL an upgrade would run shows them too.
 * <p>
 * The settings hold for one transaction only, and nothing is left on the session, so that
 * a server connection that a transaction pooler shares between clients goes back to the
 * pool as it was found. A change of a changeset that runs outside a transaction runs in a
 * transaction of its own, committed as soon as it ran, unless its SQL cannot run in one
 * (a concurrent index build): that runs with the session's own timeouts.
 * <p>
 * Remembers the tables the running change touches, to name who holds them when it times
 * out.
 */
final class StatementTimeouts extends AbstractChangeExecListener {

	private final Connection connection;

	private final Locking locking;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final boolean offline;

	private @Nullable Change running;

	private @Nullable Database runningOn;

	private boolean ownTransaction;

	/**
	 * Create the listener.
	 * @param offline whether the SQL is written for a person to run rather than run: the
	 * timeouts are then set for the session
	 */
	StatementTimeouts(Connection connection, Locking locking, Duration lockTimeout, Duration statementTimeout,
			boolean offline) {
		this.connection = connection;
		this.locking = locking;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
		this.offline = offline;
	}

	@Override
	public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
		// What the change touches is worked out only when it timed out: Liquibase
		// generates the change's statements to tell.
		this.running = change;
		this.runningOn = database;
		if (setsOwnTimeouts(changeSet)) {
			return;
		}
		boolean patient = matches(change, this.locking::waitsWithoutBlocking);
		Duration lock = patient ? this.statementTimeout : this.lockTimeout;
		Duration statement = (patient || change instanceof CreateIndexChange
				|| matches(change, this.locking::buildsIndex)) ? Duration.ZERO : this.statementTimeout;
		List<String> settings = new ArrayList<>(this.locking.setTimeouts(lock, statement, !this.offline));
		Executor executor = Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
		try {
			if (!this.offline) {
				if (!changeSet.isRunInTransaction()) {
					if (matches(change, this.locking::runsOnlyOutsideTransaction)) {
						return;
					}
					database.setAutoCommit(false);
					this.ownTransaction = true;
				}
				settings.addAll(this.locking.watchClient(this.connection));
			}
			if (this.offline) {
				for (String sql : settings) {
					executor.execute(new RawParameterizedSqlStatement(sql));
				}
			}
			else {
				// One round trip before each change, not one per setting.
				executor.execute(new RawParameterizedSqlStatement(String.join("; ", settings)));
			}
		}
		catch (DatabaseException ex) {
			throw new MigrateException("Cannot set the lock and statement timeouts before " + change.getDescription()
					+ " of changeset " + changeSet + ": " + ex.getMessage() + ". The changeset did not run; changesets"
					+ " before it stay applied. If a connection pooler refuses the settings, set migrate.url to a"
					+ " direct connection; otherwise fix what the database reports, then upgrade again.", ex);
		}
	}

	@Override
	public void ran(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
		if (this.ownTransaction) {
			this.ownTransaction = false;
			try {
				database.commit();
				database.setAutoCommit(true);
			}
			catch (DatabaseException ex) {
				throw new MigrateException("Cannot commit " + change.getDescription() + " of changeset " + changeSet
						+ ", which runs outside Liquibase's transaction: " + ex.getMessage()
						+ ". What it did was rolled"
						+ " back and it is not recorded as applied; changesets before it stay applied. Fix what the"
						+ " database reports (for example rows that break a deferred constraint), then upgrade again.",
						ex);
			}
		}
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
		if (this.ownTransaction) {
			this.ownTransaction = false;
			try {
				database.rollback();
			}
			catch (DatabaseException ex) {
				// The run fails anyway; its connection is closed.
			}
		}
	}

	/**
	 * Return the tables the change that ran last touches, as {@code schema.table} or
	 * {@code table}.
	 */
	Set<String> tables() {
		return (this.running != null && this.runningOn != null) ? tables(this.running, this.runningOn) : Set.of();
	}

	private boolean setsOwnTimeouts(ChangeSet changeSet) {
		return changeSet.getChanges().stream().anyMatch((change) -> matches(change, this.locking::setsTimeouts));
	}

	private static boolean matches(Change change, Predicate<String> test) {
		return change instanceof AbstractSQLChange sql && sql.getSql() != null && test.test(sql.getSql());
	}

	private static Set<String> tables(Change change, Database database) {
		Set<String> tables = new LinkedHashSet<>();
		try {
			for (DatabaseObject object : change.getAffectedDatabaseObjects(database)) {
				Relation relation = (object instanceof Column column) ? column.getRelation()
						: (object instanceof Table table) ? table : null;
				if (relation != null && relation.getName() != null) {
					tables.add((relation.getSchema() != null && relation.getSchema().getName() != null)
							? relation.getSchema().getName() + "." + relation.getName() : relation.getName());
				}
			}
		}
		catch (RuntimeException ex) {
			// Some changes (raw SQL) cannot say what they touch; the blockers are then
			// looked for on every table.
		}
		return tables;
	}

}
