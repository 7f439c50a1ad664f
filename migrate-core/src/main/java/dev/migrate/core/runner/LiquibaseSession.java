package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.exception.MigrateException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jspecify.annotations.Nullable;

/**
 * A changelog on a database, and the Liquibase session every command runs its work in:
 * one connection, the advisory lock when the work changes the database, the changelog
 * read and validated, and Liquibase's failures turned into messages that say what to do.
 */
final class LiquibaseSession {

	private final DataSource dataSource;

	private final String changelog;

	private final ResourceAccessor resources;

	private final RunnerOptions options;

	private final DetectedDialect dialect;

	private final @Nullable SchemaSubstitution substitution;

	LiquibaseSession(DataSource dataSource, String changelog, ResourceAccessor resources, RunnerOptions options,
			DetectedDialect dialect, @Nullable SchemaSubstitution substitution) {
		this.dataSource = dataSource;
		this.changelog = changelog;
		this.resources = resources;
		this.options = options;
		this.dialect = dialect;
		this.substitution = substitution;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	String changelog() {
		return this.changelog;
	}

	ResourceAccessor resources() {
		return this.resources;
	}

	RunnerOptions options() {
		return this.options;
	}

	DetectedDialect detectedDialect() {
		return this.dialect;
	}

	Dialect dialect(Connection connection) throws SQLException {
		return this.dialect.of(connection);
	}

	String schema(Liquibase liquibase) throws SQLException {
		String schema = liquibase.getDatabase().getDefaultSchemaName();
		return (schema != null) ? schema : dialect(connection(liquibase)).defaultSchema();
	}

	void validate(Liquibase liquibase) throws LiquibaseException {
		if (this.substitution != null) {
			// Liquibase's validate() reads the changelog again, without the substitution;
			// validate the one that runs.
			liquibase.getDatabaseChangeLog().validate(liquibase.getDatabase(), new Contexts(), new LabelExpression());
		}
		else {
			liquibase.validate();
		}
	}

	static Connection connection(Liquibase liquibase) {
		return ((JdbcConnection) liquibase.getDatabase().getConnection()).getUnderlyingConnection();
	}

	<T> T run(boolean lock, Work<T> work) {
		return run(lock, true, work);
	}

	/**
	 * Run the work on Liquibase, under the advisory lock if asked.
	 * @param validateFirst whether the changelog is validated before the work runs;
	 * otherwise the work must validate it, e.g. through Liquibase's update
	 */
	<T> T run(boolean lock, boolean validateFirst, Work<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			Dialect dialect = dialect(connection);
			// Asked now, in auto-commit mode, for the transactions Liquibase runs.
			dialect.locking().watchClient(connection);
			AdvisoryLock advisoryLock = lock ? AdvisoryLock.acquire(this.dataSource, dialect.locking(),
					this.options.lockKey(), this.options.lockTimeout()) : null;
			try {
				return Scope.child(scope(), () -> {
					Database database = DatabaseFactory.getInstance()
						.findCorrectDatabaseImplementation(new JdbcConnection(connection));
					Liquibase liquibase = new Liquibase(this.changelog, this.resources, database);
					// Liquibase remembers, per JVM, which schema was up to date with a
					// changelog path, whatever the changelog holds since; a revision
					// written
					// later in the same JVM (development, tenants, a command after a
					// check)
					// would be skipped as "up to date" without a word.
					Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
					if (this.substitution != null) {
						this.substitution.apply(liquibase.getDatabaseChangeLog());
					}
					if (this.options.allowDestructive()) {
						Revisions.allowDestructive(liquibase);
					}
					if (lock && liquibaseLockTaken(connection, dialect)) {
						// We hold the advisory lock, so a Liquibase lock left behind
						// belongs to a holder that died: clear it instead of waiting for
						// it forever. (Looked at first: releasing is a write and a
						// commit,
						// which every tenant schema's run would pay.)
						LockServiceFactory.getInstance().getLockService(database).forceReleaseLock();
					}
					if (validateFirst) {
						validate(liquibase);
					}
					return work.run(liquibase, Changelog.read(liquibase.getDatabaseChangeLog(), connection, dialect));
				});
			}
			finally {
				if (advisoryLock != null) {
					advisoryLock.close();
				}
				if (!connection.isClosed()) {
					connection.setAutoCommit(autoCommit);
				}
			}
		}
		catch (MigrateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw MigrationFailures.translate(this.changelog, this.dialect.known(), ex,
					DatabaseTarget.describe(this.dataSource));
		}
	}

	private static boolean liquibaseLockTaken(Connection connection, Dialect dialect) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet exists = statement.executeQuery(dialect.tableExists("databasechangeloglock"))) {
			if (!exists.next() || !exists.getBoolean(1)) {
				return false;
			}
		}
		try (Statement statement = connection.createStatement();
				ResultSet taken = statement.executeQuery("SELECT 1 FROM databasechangeloglock WHERE locked")) {
			return taken.next();
		}
	}

	private static Map<String, Object> scope() {
		Map<String, Object> scope = new HashMap<>();
		// No network calls from inside an application's startup.
		scope.put("liquibase.analytics.enabled", false);
		// Progress goes to the log, not to the console of the application that embeds us.
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		return scope;
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Liquibase liquibase, Changelog changelog) throws Exception;

	}

}
