package dev.migrate.core;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.AppliedChangeSet;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Migrate's commands on one database: compare the desired schema (usually read from the
 * entities) with the database, generate a revision for the difference, check that there
 * is none, and run revisions.
 */
public final class Migrate {

	private static final System.Logger logger = System.getLogger(Migrate.class.getName());

	private final DataSource dataSource;

	private final Supplier<Schema> desired;

	private final String changelog;

	private final DiffOptions diffOptions;

	private final MigrationRunner runner;

	private volatile @Nullable Dialect dialect;

	/**
	 * Create a new instance.
	 * @param dataSource the database
	 * @param desired the desired schema, e.g. read from the entities on demand
	 * @param changelogFiles where the changelog and its revisions are read from
	 * @param changelog the master changelog's path within those resources
	 * @param diffOptions how to diff
	 * @param runnerOptions how to run
	 */
	public Migrate(DataSource dataSource, Supplier<Schema> desired, ChangelogFiles changelogFiles, String changelog,
			DiffOptions diffOptions, RunnerOptions runnerOptions) {
		this.dataSource = dataSource;
		this.desired = desired;
		this.changelog = changelog;
		this.diffOptions = diffOptions;
		this.runner = new MigrationRunner(dataSource, changelog, changelogFiles, runnerOptions);
	}

	/**
	 * Compare the database with the desired schema.
	 * @return the changes that would take the database there
	 */
	public SchemaDiff diff() {
		Schema desiredSchema = this.desired.get();
		try (Connection connection = this.dataSource.getConnection()) {
			Dialect dialect = dialect(connection);
			Schema actual = dialect.readSchema(connection, desiredSchema.schemas(), MigrationRunner.LIQUIBASE_TABLES);
			SchemaDiff diff = new SchemaDiffer(this.diffOptions, dialect).diff(actual, desiredSchema);
			if (diff.unmapped().isEmpty()) {
				return diff;
			}
			// What the entities no longer declare is dropped where a generated revision
			// created it; the rest only the database has. Read the changelog only then.
			return new SchemaDiffer(this.diffOptions.withCreatedObjects(createdObjects()), dialect).diff(actual,
					desiredSchema);
		}
		catch (SQLException ex) {
			throw new MigrateException("Cannot read the database schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Return what the changelog's generated revisions created; nothing if the changelog
	 * cannot be read (none yet, or invalid): then what only the database has is kept,
	 * which errs on the safe side.
	 */
	private java.util.Set<String> createdObjects() {
		try {
			return runner().createdObjects();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.DEBUG, "Could not read what the changelog " + this.changelog
					+ "'s generated revisions created; keeping what only the database has", ex);
			return java.util.Set.of();
		}
	}

	/**
	 * Fail unless the database already has the desired schema, listing every change it
	 * lacks (for CI: the entities and the committed revisions must agree).
	 * @return the comparison, which has no changes
	 * @throws SchemaMismatchException if there are changes
	 */
	public SchemaDiff check() {
		SchemaDiff diff = diff();
		if (!diff.isEmpty()) {
			throw new SchemaMismatchException(diff);
		}
		return diff;
	}

	/**
	 * Write the difference between the database and the desired schema as a new revision.
	 * @param changesDirectory the folder of revision files (in the source tree)
	 * @param logicalDirectory the folder as the changelog names it, e.g.
	 * {@value MasterChangelog#DEFAULT_CHANGES_DIRECTORY}
	 * @param message what the revision does
	 * @param format the file format
	 * @return the new file, or empty if there is nothing to change
	 */
	public Optional<Path> generate(Path changesDirectory, String logicalDirectory, String message,
			ChangelogFormat format) {
		return generate(diff(), changesDirectory, logicalDirectory, message, format);
	}

	/**
	 * Write a difference already computed by {@link #diff()} as a new revision, e.g. by a
	 * caller that also reports it.
	 * @param diff the difference between the database and the desired schema
	 * @param changesDirectory the folder of revision files (in the source tree)
	 * @param logicalDirectory the folder as the changelog names it
	 * @param message what the revision does
	 * @param format the file format
	 * @return the new file, or empty if there is nothing to change
	 */
	public Optional<Path> generate(SchemaDiff diff, Path changesDirectory, String logicalDirectory, String message,
			ChangelogFormat format) {
		if (diff.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Revisions(dialect()).generated(diff, changesDirectory, logicalDirectory, message,
					Instant.now(), format));
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write a revision to " + changesDirectory + ": " + ex
					+ ". Nothing was written there, and the database was not changed. Make the folder writable (or set"
					+ " migrate.source-directory to one that is), then run again.", ex);
		}
	}

	/**
	 * Write an empty revision to fill in by hand (a data migration, SQL that Migrate does
	 * not generate), sorted after every revision in the folder. It reads nothing from the
	 * database.
	 * @param changesDirectory the folder of revision files (in the source tree)
	 * @param logicalDirectory the folder as the changelog names it
	 * @param message what the revision will do, for its file name and comment
	 * @param author the changeset's author
	 * @param format the file format
	 * @return the new file
	 */
	public Path emptyRevision(Path changesDirectory, String logicalDirectory, String message, String author,
			ChangelogFormat format) {
		try {
			return Revisions.empty(changesDirectory, logicalDirectory, message, author, Instant.now(), format);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write a revision to " + changesDirectory + ": " + ex
					+ ". Nothing was written there, and the database was not changed. Make the folder writable (or set"
					+ " migrate.source-directory to one that is), then run again.", ex);
		}
	}

	/**
	 * Return the message a generated revision is named after when its author gives none:
	 * what it does, e.g. {@code add_users_bio}.
	 * @param diff the difference the revision holds
	 * @return the message
	 */
	public static String revisionMessage(SchemaDiff diff) {
		return Revisions.message(diff);
	}

	/**
	 * Write the baseline of a database whose schema is already there (built by
	 * {@code ddl-auto}, by hand or by another tool): a revision that creates the mapped
	 * tables as the database has them, which runs on an empty database and is recorded as
	 * applied, not run, on one that has them. What differs between that database and the
	 * entities is left to the next, ordinary revision.
	 * @param changesDirectory the folder of revision files (in the source tree)
	 * @param logicalDirectory the folder as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param format the file format
	 * @return the new file, or empty if the database has none of the mapped tables
	 * @throws MigrateException if the changelog has revisions or the database has applied
	 * changesets: a baseline comes first or not at all
	 */
	public Optional<Path> baseline(Path changesDirectory, String logicalDirectory, String message,
			ChangelogFormat format) {
		MigrationRunner runner = runner();
		MigrationStatus status = runner.status();
		int recorded = status.applied().isEmpty() ? runner.history().size() : status.applied().size();
		if (!status.pending().isEmpty() || !status.applied().isEmpty() || recorded > 0) {
			throw new MigrateException(
					"A baseline is the first revision of a changelog, but the changelog " + this.changelog + " has "
							+ (status.applied().size() + status.pending().size()) + " revision(s) and the database has "
							+ recorded + " applied changeset(s); generate an ordinary revision instead");
		}
		return withConnection(changesDirectory, (connection) -> new Baseline(dialect(connection), this.diffOptions)
			.write(connection, this.desired.get(), changesDirectory, logicalDirectory, message, format));
	}

	/**
	 * Collapse every revision up to the given one into a single revision that creates the
	 * schema they built, read from this database, which must be at exactly that revision.
	 * The squashed files are removed; databases that applied them record the new revision
	 * as applied without running it, new ones run only it, and one that applied only some
	 * of them stops with a message saying what to do.
	 * @param upTo the last revision to squash (file name or id)
	 * @param changesDirectory the folder of revision files (in the source tree)
	 * @param logicalDirectory the folder as the changelog names it
	 * @param message what the revision is, for its file name
	 * @param format the file format
	 * @return the new file
	 * @throws MigrateException if the revisions cannot be squashed here, e.g. one of them
	 * is pending
	 */
	public Path squash(String upTo, Path changesDirectory, String logicalDirectory, String message,
			ChangelogFormat format) {
		MigrationStatus status = runner().status();
		return withConnection(changesDirectory, (connection) -> new Squash(dialect(connection), this.diffOptions)
			.write(status, connection, this.desired.get(), upTo, changesDirectory, logicalDirectory, message, format));
	}

	/**
	 * Return whether the database has Flyway's history table, in any schema.
	 * @return whether Flyway has migrated this database
	 */
	public boolean hasFlywayHistory() {
		return withConnection(null, (connection) -> {
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement
						.executeQuery(dialect(connection).tableExistsInAnySchema("flyway_schema_history"))) {
				rows.next();
				return rows.getBoolean(1);
			}
		});
	}

	private <T> T withConnection(@Nullable Path directory, ConnectionWork<T> work) {
		try (Connection connection = this.dataSource.getConnection()) {
			return work.run(connection);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write a revision to " + directory + ": " + ex
					+ ". Make the folder writable (or set migrate.source-directory to one that is), then run again.",
					ex);
		}
		catch (SQLException ex) {
			throw new MigrateException("Cannot reach the database: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Apply every pending revision, holding back (unless destructive changes are allowed)
	 * destructive changesets and those that depend on them.
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgrade() {
		return runner().upgrade();
	}

	/**
	 * Apply the next {@code revisions} pending revisions (files).
	 * @param revisions how many revisions to apply
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgrade(int revisions) {
		return runner().upgrade(revisions);
	}

	/**
	 * Apply pending revisions up to and including the given one.
	 * @param revision a revision name or its id (timestamp prefix)
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgradeTo(String revision) {
		return runner().upgradeTo(revision);
	}

	/**
	 * Roll back the last {@code revisions} applied revisions (files), newest first.
	 * @param revisions how many revisions to roll back
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgrade(int revisions) {
		return runner().downgrade(revisions);
	}

	/**
	 * Roll back every revision applied after the given one.
	 * @param revision a revision name or id; {@code base} rolls back everything
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgradeTo(String revision) {
		return runner().downgradeTo(revision);
	}

	/**
	 * Return which revisions are applied and which are pending.
	 * @return the status
	 */
	public MigrationStatus status() {
		return runner().status();
	}

	/**
	 * Return the applied changesets, oldest first.
	 * @return the history
	 */
	public List<AppliedChangeSet> history() {
		return runner().history();
	}

	/**
	 * Record every pending changeset as applied without running it, for a database whose
	 * schema is already there.
	 * @return the changesets recorded
	 */
	public List<ChangeSetRef> stamp() {
		return runner().stamp();
	}

	/**
	 * Return the SQL an upgrade would run, without running it.
	 * @return the SQL
	 */
	public String sql() {
		return runner().sql();
	}

	/**
	 * Return the runner for this database's changelog, for what the commands above do not
	 * cover (the unchanged shortcut, tenant schemas).
	 * @return the runner
	 */
	public MigrationRunner runner() {
		return this.runner;
	}

	/**
	 * Return the dialect of this database, found on first use and kept: every command of
	 * this instance speaks the same one.
	 * @return the dialect
	 * @throws dev.migrate.core.exception.UnsupportedDatabaseException if Migrate does not
	 * support the database
	 */
	public Dialect dialect() {
		Dialect known = this.dialect;
		return (known != null) ? known : withConnection(null, this::dialect);
	}

	private Dialect dialect(Connection connection) throws SQLException {
		Dialect known = this.dialect;
		if (known == null) {
			known = Dialects.forConnection(connection);
			this.dialect = known;
		}
		return known;
	}

	@FunctionalInterface
	private interface ConnectionWork<T> {

		T run(Connection connection) throws SQLException, IOException;

	}

	/**
	 * Describe what only the database has, which a diff keeps: lines to print after a
	 * comparison, or nothing.
	 * @param diff the comparison
	 * @return the lines, each starting with a line break, or an empty string
	 */
	public static String unmapped(SchemaDiff diff) {
		if (diff.unmapped().isEmpty()) {
			return "";
		}
		StringBuilder lines = new StringBuilder("\nKept ").append(diff.unmapped().size())
			.append(" index(es) and constraint(s) that only the database has (no entity declares them, no generated"
					+ " revision created them); set migrate.diff.drop-unmapped to table patterns to drop them:");
		diff.unmapped().forEach((change) -> lines.append("\n  - ").append(change.description()));
		return lines.toString();
	}

	/**
	 * Thrown by {@link #check()} when the database lacks changes; the message lists them.
	 */
	public static final class SchemaMismatchException extends MigrateException {

		private final transient SchemaDiff diff;

		SchemaMismatchException(SchemaDiff diff) {
			super(describe(diff));
			this.diff = diff;
		}

		public SchemaDiff diff() {
			return this.diff;
		}

		@Override
		public int exitCode() {
			return DIFFERENCES;
		}

		private static String describe(SchemaDiff diff) {
			StringBuilder message = new StringBuilder("The database differs from the entities by ")
				.append(diff.changes().size())
				.append(" change(s); generate a revision for them:");
			diff.changes()
				.forEach((change) -> message.append("\n  - ")
					.append(change.description())
					.append(" [")
					.append(change.classification().safety())
					.append("]"));
			diff.possibleRenames().forEach((rename) -> message.append("\n  possible rename: ").append(rename));
			message.append(unmapped(diff));
			return message.toString();
		}

	}

}
