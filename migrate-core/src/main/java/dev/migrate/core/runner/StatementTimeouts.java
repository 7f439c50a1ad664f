package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * Gives every change Liquibase runs a short {@code lock_timeout} and a
 * {@code statement_timeout}, so that a statement queued behind a long transaction gives
 * up instead of making every later reader of the table queue behind it. Index builds run
 * without a statement timeout. Concurrent builds and drops and constraint validations ask
 * only for locks whose waiting blocks no reads or writes, and must wait for every older
 * transaction: they wait for locks up to the statement timeout instead, and run without
 * one. A changeset whose own SQL sets either timeout keeps its own. The settings go
 * through Liquibase's executor, so that the SQL an upgrade would run shows them too.
 * Remembers the tables the running change touches, to name who holds them when it times
 * out.
 */
final class StatementTimeouts extends AbstractChangeExecListener {

	private static final Pattern INDEX_BUILD = Pattern.compile("\\b(create\\s+(unique\\s+)?index|reindex)\\b");

	private static final Pattern WAITS_WITHOUT_BLOCKING = Pattern
		.compile("\\b(concurrently|validate\\s+constraint)\\b");

	private static final Pattern SETS_TIMEOUTS = Pattern
		.compile("\\bset\\s+((session|local)\\s+)?(lock_timeout|statement_timeout)\\b"
				+ "|\\bset_config\\s*\\(\\s*'(lock_timeout|statement_timeout)'");

	private final Connection connection;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private final Set<String> tables = new LinkedHashSet<>();

	StatementTimeouts(Connection connection, Duration lockTimeout, Duration statementTimeout) {
		this.connection = connection;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
	}

	@Override
	public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
		this.tables.clear();
		this.tables.addAll(tables(change, database));
		if (setsOwnTimeouts(changeSet)) {
			return;
		}
		boolean patient = matches(change, WAITS_WITHOUT_BLOCKING);
		Duration lock = patient ? this.statementTimeout : this.lockTimeout;
		Duration statement = (patient || change instanceof CreateIndexChange || matches(change, INDEX_BUILD))
				? Duration.ZERO : this.statementTimeout;
		Executor executor = Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
		try {
			executor.execute(new RawParameterizedSqlStatement("SET lock_timeout = '" + lock.toMillis() + "ms'"));
			executor
				.execute(new RawParameterizedSqlStatement("SET statement_timeout = '" + statement.toMillis() + "ms'"));
		}
		catch (DatabaseException ex) {
			throw new IllegalStateException("Cannot set the statement timeouts: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return the tables the change that ran last touches, as {@code schema.table} or
	 * {@code table}.
	 */
	Set<String> tables() {
		return Set.copyOf(this.tables);
	}

	/**
	 * Put the session's timeouts back to the server's defaults.
	 */
	void reset() throws SQLException {
		try (Statement sql = this.connection.createStatement()) {
			sql.execute("RESET lock_timeout");
			sql.execute("RESET statement_timeout");
		}
	}

	private static boolean setsOwnTimeouts(ChangeSet changeSet) {
		return changeSet.getChanges()
			.stream()
			.anyMatch((change) -> change instanceof AbstractSQLChange sql && sql.getSql() != null
					&& SETS_TIMEOUTS.matcher(sql.getSql().toLowerCase(Locale.ROOT)).find());
	}

	private static boolean matches(Change change, Pattern pattern) {
		return change instanceof AbstractSQLChange sql && sql.getSql() != null
				&& pattern.matcher(sql.getSql().toLowerCase(Locale.ROOT)).find();
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
