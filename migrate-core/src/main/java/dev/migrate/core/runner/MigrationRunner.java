package dev.migrate.core.runner;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.DetectedDialect;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.exception.MigrateException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.DatabaseChangeLog;
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
 * Runs a changelog's revisions against a database with Liquibase: the Alembic command set
 * (upgrade, downgrade, status, history, stamp, offline SQL), with counts in revisions
 * (files). Every command that changes the database runs under a PostgreSQL advisory lock,
 * held by a transaction of its own on a second connection of the data source, so that
 * many instances can start at once, a killed instance never blocks the next, and nothing
 * stays on a server connection that a transaction pooler shares between clients.
 */
public final class MigrationRunner {

	/** Liquibase's own tables, never part of a schema comparison. */
	public static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

	private static final System.Logger logger = System.getLogger(MigrationRunner.class.getName());

	private final DataSource dataSource;

	private final String changelog;

	private final ResourceAccessor resources;

	private final RunnerOptions options;

	private final DetectedDialect dialect;

	private final @Nullable SchemaSubstitution substitution;

	/**
	 * Create a runner that shares the dialect of the database with other commands.
	 * @param dataSource the database
	 * @param changelog the master changelog's path within the resources
	 * @param resources where the changelog and its revisions are read from
	 * @param options how to run
	 * @param dialect the database's dialect, found once
	 */
	public MigrationRunner(DataSource dataSource, String changelog, ResourceAccessor resources, RunnerOptions options,
			DetectedDialect dialect) {
		this(dataSource, changelog, resources, options, dialect, null);
	}

	private MigrationRunner(DataSource dataSource, String changelog, ResourceAccessor resources, RunnerOptions options,
			DetectedDialect dialect, @Nullable SchemaSubstitution substitution) {
		this.dataSource = dataSource;
		this.changelog = changelog;
		this.resources = resources;
		this.options = options;
		this.dialect = dialect;
		this.substitution = substitution;
	}

	/**
	 * Return a runner of the same changelog in another schema of the same database, e.g.
	 * a tenant's: its connections resolve unqualified names in that schema (where its
	 * {@code DATABASECHANGELOG} lives, one history per schema), the schema names of the
	 * changes that are the template's become that schema's, and it takes the advisory
	 * lock of that schema ({@link RunnerOptions#lockKey(String)}), so that runs on
	 * different schemas proceed at once.
	 * @param schema the schema to migrate, which must exist
	 * @param template the schema the revisions were generated against, e.g.
	 * {@code public}
	 * @return the runner
	 */
	public MigrationRunner inSchema(String schema, String template) {
		return new MigrationRunner(new SchemaDataSource(this.dataSource, schema), this.changelog, this.resources,
				this.options.withLockKey(RunnerOptions.lockKey(schema)), this.dialect,
				schema.equals(template) ? null : new SchemaSubstitution(template, schema));
	}

	/**
	 * Create a runner that finds the database's dialect on its first connection.
	 * @param dataSource the database
	 * @param changelog the master changelog's path within the resources
	 * @param resources where the changelog and its revisions are read from
	 * @param options how to run
	 */
	public MigrationRunner(DataSource dataSource, String changelog, ResourceAccessor resources, RunnerOptions options) {
		this(dataSource, changelog, resources, options, new DetectedDialect());
	}

	private Dialect dialect(Connection connection) throws SQLException {
		return this.dialect.of(connection);
	}

	private UnchangedCheck unchangedCheck(Connection connection) throws SQLException {
		return new UnchangedCheck(this.changelog, this.resources, dialect(connection));
	}

	/**
	 * Apply every pending revision, holding back (unless destructive changes are allowed)
	 * destructive changesets and those that depend on them: that touch the same table,
	 * sequence, index or constraint.
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgrade() {
		return upgrade(Integer.MAX_VALUE);
	}

	/**
	 * Apply the next {@code revisions} pending revisions.
	 * @param revisions how many revisions (files) to apply
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgrade(int revisions) {
		return run(true, false, (liquibase, changelog) -> {
			List<Revision> pending = changelog.pendingRevisions();
			return apply(liquibase, changelog, pending.subList(0, Math.min(revisions, pending.size())));
		});
	}

	/**
	 * Apply pending revisions up to and including the given one.
	 * @param revision a revision name or its id (timestamp prefix)
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgradeTo(String revision) {
		return run(true, false, (liquibase, changelog) -> {
			Revision target = changelog.revision(revision);
			List<Revision> pending = changelog.pendingRevisions();
			int end = pending.indexOf(target);
			if (end < 0) {
				List<Revision> applied = changelog.appliedRevisions();
				throw new MigrateException(
						"Revision " + target.name() + " is already applied; the database is at revision "
								+ (applied.isEmpty() ? "(none)" : applied.get(applied.size() - 1).name())
								+ ((pending.isEmpty()) ? ", nothing is pending"
										: ", with " + pending.size() + " revision(s) pending: "
												+ pending.stream().map(Revision::name).toList())
								+ ". Nothing was applied. To go back to " + target.name()
								+ ", downgrade to it (migrate.command=downgrade with migrate.tag=" + target.name()
								+ "); to apply what is pending, upgrade without a revision.");
			}
			return apply(liquibase, changelog, pending.subList(0, end + 1));
		});
	}

	private UpgradeResult apply(Liquibase liquibase, Changelog changelog, List<Revision> revisions) throws Exception {
		Set<String> selected = new LinkedHashSet<>();
		revisions.forEach((revision) -> revision.changeSets().forEach((changeSet) -> selected.add(changeSet.key())));
		Set<String> heldBack = new HashSet<>();
		changelog.heldBack(this.options.allowDestructive()).forEach((changeSet) -> heldBack.add(changeSet.key()));
		List<ChangeSetRef> toApply = new ArrayList<>();
		List<ChangeSetRef> blocked = new ArrayList<>();
		for (ChangeSetRef changeSet : changelog.pending()) {
			if (selected.contains(changeSet.key())) {
				(heldBack.contains(changeSet.key()) ? blocked : toApply).add(changeSet);
			}
		}
		if (toApply.isEmpty() || !blocked.isEmpty()) {
			// Liquibase's update validates the changelog it runs; held-back changesets
			// leave it, so they are validated here first.
			validate(liquibase);
		}
		Changelog after = changelog;
		if (!blocked.isEmpty()) {
			// Held back per dependency, not by position: Liquibase runs the next pending
			// changesets of the changelog it parsed, so the held-back ones leave it.
			Set<String> held = new HashSet<>();
			blocked.forEach((changeSet) -> held.add(changeSet.key()));
			liquibase.getDatabaseChangeLog()
				.getChangeSets()
				.removeIf((changeSet) -> held
					.contains(Changelog.key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor())));
		}
		if (!toApply.isEmpty()) {
			try {
				new RetryingUpdate(liquibase, connection(liquibase), dialect(connection(liquibase)).locking(),
						this.options)
					.apply(changelog, toApply);
			}
			catch (Exception ex) {
				throw new UpgradeFailure(ex, UpgradeFailure.appliedBefore(connection(liquibase), changelog, toApply));
			}
			after = changelog.reread(connection(liquibase));
		}
		recordUnchanged(connection(liquibase), after);
		// What the history says ran, not what was asked for: a changeset whose
		// precondition said CONTINUE stays pending.
		Set<String> stillPending = new HashSet<>();
		after.pending().forEach((changeSet) -> stillPending.add(changeSet.key()));
		List<ChangeSetRef> applied = toApply.stream()
			.filter((changeSet) -> !stillPending.contains(changeSet.key()))
			.toList();
		return new UpgradeResult(applied, blocked, after.status(schema(liquibase), this.options.allowDestructive()));
	}

	private void recordUnchanged(Connection connection, Changelog changelog) {
		try {
			unchangedCheck(connection).record(connection, changelog);
		}
		catch (SQLException | IOException ex) {
			// Only the next start's shortcut is lost (e.g. a user who may not comment on
			// the table); it takes the full path instead.
			logger.log(System.Logger.Level.DEBUG,
					"Could not record the changelog's fingerprint; the next start takes the full path", ex);
		}
	}

	/**
	 * Return the status without initializing Liquibase, when neither the files of the
	 * changelog's folder nor the applied changesets changed since the last upgrade that
	 * left nothing pending: about two small queries. Otherwise (or on any error) return
	 * empty, and {@link #status()} or {@link #upgrade()} take Liquibase's full path,
	 * which also reports edited revisions.
	 * @return the status, or empty if it must be found out the full way
	 */
	public Optional<MigrationStatus> statusIfUnchanged() {
		return unchanged(null);
	}

	/**
	 * Return the status as {@link #statusIfUnchanged()} does, and only if, in addition,
	 * the desired schema's fingerprint is the one {@link #recordInStep(String, String)}
	 * recorded and the catalog's fingerprint (one more query) is unchanged too: then the
	 * database was found in step with the same desired schema and nothing changed since,
	 * so there is nothing to compare.
	 * @param desiredFingerprint the desired schema's fingerprint
	 * @return the status, or empty if it must be found out the full way
	 */
	public Optional<MigrationStatus> statusIfUnchanged(String desiredFingerprint) {
		return unchanged(desiredFingerprint);
	}

	private Optional<MigrationStatus> unchanged(@Nullable String desired) {
		try (Connection connection = this.dataSource.getConnection()) {
			return Optional.ofNullable(unchangedCheck(connection).statusIfUnchanged(connection, desired));
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG,
					"Could not compare the changelog's fingerprint; taking the full path to the status", ex);
			return Optional.empty();
		}
	}

	/**
	 * Return the catalog's fingerprint (one query), to be taken before comparing the
	 * database with a desired schema and passed to {@link #recordInStep(String, String)}.
	 * @return the fingerprint, or empty if it cannot be computed
	 */
	public Optional<String> catalogFingerprint() {
		try (Connection connection = this.dataSource.getConnection()) {
			return Optional.of(unchangedCheck(connection).catalogFingerprint(connection));
		}
		catch (SQLException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not compute the catalog's fingerprint", ex);
			return Optional.empty();
		}
	}

	/**
	 * Record that the database was found in step with the desired schema of the given
	 * fingerprint (no drift), after an upgrade that left nothing pending, unless the
	 * catalog changed since {@code catalogFingerprint} was taken.
	 * @param desiredFingerprint the desired schema's fingerprint
	 * @param catalogFingerprint the catalog's fingerprint taken before the comparison
	 * @return whether it was recorded (not when revisions, applied changesets or the
	 * catalog changed meanwhile, or the user may not comment on the table)
	 */
	public boolean recordInStep(String desiredFingerprint, String catalogFingerprint) {
		try (Connection connection = this.dataSource.getConnection()) {
			return unchangedCheck(connection).recordInStep(connection, desiredFingerprint, catalogFingerprint);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG,
					"Could not record that the database is in step with the entities; the next start compares again",
					ex);
			return false;
		}
	}

	/**
	 * Forget that the database was in step with a desired schema, e.g. when drift was
	 * found after a start that took {@link #statusIfUnchanged(String)}: the next one then
	 * compares again.
	 */
	public void forgetInStep() {
		try (Connection connection = this.dataSource.getConnection()) {
			unchangedCheck(connection).forgetInStep(connection);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			// Nothing recorded can be forgotten either.
			logger.log(System.Logger.Level.DEBUG, "Could not forget that the database was in step with the entities",
					ex);
		}
	}

	/**
	 * Roll back the last {@code revisions} applied revisions, newest first.
	 * @param revisions how many revisions (files) to roll back
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgrade(int revisions) {
		return run(true, (liquibase, changelog) -> {
			List<AppliedChangeSet> newestFirst = new ArrayList<>(changelog.applied());
			java.util.Collections.reverse(newestFirst);
			Set<String> files = new LinkedHashSet<>();
			List<AppliedChangeSet> rolledBack = new ArrayList<>();
			for (AppliedChangeSet changeSet : newestFirst) {
				if (!files.contains(changeSet.file()) && files.size() == revisions) {
					break;
				}
				files.add(changeSet.file());
				rolledBack.add(changeSet);
			}
			return rollback(liquibase, rolledBack);
		});
	}

	/**
	 * Roll back every revision applied after the given one.
	 * @param revision a revision name or id; {@code base} rolls back everything
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgradeTo(String revision) {
		return run(true, (liquibase, changelog) -> {
			List<AppliedChangeSet> applied = changelog.applied();
			int keep = 0;
			if (!revision.equals("base")) {
				Revision target = changelog.revision(revision);
				for (int i = 0; i < applied.size(); i++) {
					if (DatabaseChangeLog.normalizePath(applied.get(i).file())
						.equals(DatabaseChangeLog.normalizePath(target.file()))) {
						keep = i + 1;
					}
				}
				if (keep == 0) {
					throw new MigrateException("Revision " + target.name() + " is not applied");
				}
			}
			List<AppliedChangeSet> rolledBack = new ArrayList<>(applied.subList(keep, applied.size()));
			java.util.Collections.reverse(rolledBack);
			return rollback(liquibase, rolledBack);
		});
	}

	private List<AppliedChangeSet> rollback(Liquibase liquibase, List<AppliedChangeSet> changeSets) throws Exception {
		if (!changeSets.isEmpty()) {
			liquibase.rollback(changeSets.size(), new Contexts(), new LabelExpression());
		}
		return changeSets;
	}

	/**
	 * Return which revisions are applied and which are pending.
	 * @return the status
	 */
	public MigrationStatus status() {
		return run(false,
				(liquibase, changelog) -> changelog.status(schema(liquibase), this.options.allowDestructive()));
	}

	/**
	 * Return the applied changesets, oldest first.
	 * @return the history
	 */
	public List<AppliedChangeSet> history() {
		return run(false, (liquibase, changelog) -> changelog.applied());
	}

	/**
	 * Record every pending changeset as applied without running it, for a database whose
	 * schema is already there.
	 * @return the changesets recorded
	 */
	public List<ChangeSetRef> stamp() {
		return run(true, (liquibase, changelog) -> {
			List<ChangeSetRef> pending = changelog.pending();
			liquibase.changeLogSync(new Contexts(), new LabelExpression());
			return pending;
		});
	}

	/**
	 * Return the SQL that an upgrade would run, without running it, with the timeouts
	 * each statement would run under.
	 * @return the SQL
	 */
	public String sql() {
		return run(false, (liquibase, changelog) -> {
			StringWriter sql = new StringWriter();
			Connection connection = connection(liquibase);
			liquibase.setChangeExecListener(new StatementTimeouts(connection, dialect(connection).locking(),
					this.options.statementLockTimeout(), this.options.statementTimeout(), true));
			liquibase.update(new Contexts(), new LabelExpression(), sql);
			return sql.toString();
		});
	}

	/**
	 * Return the names of the indexes and constraints that the changelog's generated
	 * revisions create (not its baseline, squash or hand-written changesets): the
	 * entities declared them, so a diff drops one the entities no longer declare.
	 * @return the names
	 */
	public Set<String> createdObjects() {
		return run(false, (liquibase, changelog) -> CreatedObjects.of(liquibase.getDatabaseChangeLog().getChangeSets(),
				Objects.requireNonNull(this.dialect.known(), "dialect found by run")));
	}

	private String schema(Liquibase liquibase) throws SQLException {
		String schema = liquibase.getDatabase().getDefaultSchemaName();
		return (schema != null) ? schema : dialect(connection(liquibase)).defaultSchema();
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

	private void validate(Liquibase liquibase) throws LiquibaseException {
		if (this.substitution != null) {
			// Liquibase's validate() reads the changelog again, without the substitution;
			// validate the one that runs.
			liquibase.getDatabaseChangeLog().validate(liquibase.getDatabase(), new Contexts(), new LabelExpression());
		}
		else {
			liquibase.validate();
		}
	}

	private static Connection connection(Liquibase liquibase) {
		return ((JdbcConnection) liquibase.getDatabase().getConnection()).getUnderlyingConnection();
	}

	private <T> T run(boolean lock, Work<T> work) {
		return run(lock, true, work);
	}

	/**
	 * Run the work on Liquibase, under the advisory lock if asked.
	 * @param validateFirst whether the changelog is validated before the work runs;
	 * otherwise the work must validate it, e.g. through Liquibase's update
	 */
	private <T> T run(boolean lock, boolean validateFirst, Work<T> work) {
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

	private static Map<String, Object> scope() {
		Map<String, Object> scope = new HashMap<>();
		// No network calls from inside an application's startup.
		scope.put("liquibase.analytics.enabled", false);
		// Progress goes to the log, not to the console of the application that embeds us.
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		return scope;
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Liquibase liquibase, Changelog changelog) throws Exception;

	}

}
