package dev.migrate.core.runner;

import java.io.StringWriter;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.resource.ResourceAccessor;
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

	private final LiquibaseSession session;

	private final Fingerprints fingerprints;

	private final Upgrade upgrade;

	private final Downgrade downgrade;

	private MigrationRunner(DataSource dataSource, String changelog, ResourceAccessor resources, RunnerOptions options,
			DetectedDialect dialect, @Nullable SchemaSubstitution substitution) {
		this.session = new LiquibaseSession(dataSource, changelog, resources, options, dialect, substitution);
		this.fingerprints = new Fingerprints(this.session);
		this.upgrade = new Upgrade(this.session, this.fingerprints);
		this.downgrade = new Downgrade(this.session);
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
		return new MigrationRunner(new SchemaDataSource(this.session.dataSource(), schema), this.session.changelog(),
				this.session.resources(), this.session.options().withLockKey(RunnerOptions.lockKey(schema)),
				this.session.detectedDialect(),
				schema.equals(template) ? null : new SchemaSubstitution(template, schema));
	}

	/**
	 * Create a runner that finds the database's dialect on its first connection.
	 * @param dataSource the database
	 * @param changelog the master changelog's path within the resources
	 * @param files where the changelog and its revisions are read from
	 * @param options how to run
	 */
	public MigrationRunner(DataSource dataSource, String changelog, ChangelogFiles files, RunnerOptions options) {
		this(dataSource, changelog, files.resources(), options, new DetectedDialect(), null);
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
		return this.upgrade.next(revisions);
	}

	/**
	 * Apply pending revisions up to and including the given one.
	 * @param revision a revision name or its id (timestamp prefix)
	 * @return what was applied and what was left
	 */
	public UpgradeResult upgradeTo(String revision) {
		return this.upgrade.to(revision);
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
		return this.fingerprints.statusIfUnchanged(null);
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
		return this.fingerprints.statusIfUnchanged(desiredFingerprint);
	}

	/**
	 * Return the catalog's fingerprint (one query), to be taken before comparing the
	 * database with a desired schema and passed to {@link #recordInStep(String, String)}.
	 * @return the fingerprint, or empty if it cannot be computed
	 */
	public Optional<String> catalogFingerprint() {
		return this.fingerprints.catalogFingerprint();
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
		return this.fingerprints.recordInStep(desiredFingerprint, catalogFingerprint);
	}

	/**
	 * Forget that the database was in step with a desired schema, e.g. when drift was
	 * found after a start that took {@link #statusIfUnchanged(String)}: the next one then
	 * compares again.
	 */
	public void forgetInStep() {
		this.fingerprints.forgetInStep();
	}

	/**
	 * Roll back the last {@code revisions} applied revisions, newest first.
	 * @param revisions how many revisions (files) to roll back
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgrade(int revisions) {
		return this.downgrade.last(revisions);
	}

	/**
	 * Roll back every revision applied after the given one.
	 * @param revision a revision name or id; {@code base} rolls back everything
	 * @return the changesets rolled back
	 */
	public List<AppliedChangeSet> downgradeTo(String revision) {
		return this.downgrade.to(revision);
	}

	/**
	 * Return which revisions are applied and which are pending.
	 * @return the status
	 */
	public MigrationStatus status() {
		return this.session.run(false, (liquibase, changelog) -> changelog.status(this.session.schema(liquibase),
				this.session.options().allowDestructive()));
	}

	/**
	 * Return the applied changesets, oldest first.
	 * @return the history
	 */
	public List<AppliedChangeSet> history() {
		return this.session.run(false, (liquibase, changelog) -> changelog.applied());
	}

	/**
	 * Record every pending changeset as applied without running it, for a database whose
	 * schema is already there.
	 * @return the changesets recorded
	 */
	public List<ChangeSetRef> stamp() {
		return this.session.run(true, (liquibase, changelog) -> {
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
		return this.session.run(false, (liquibase, changelog) -> {
			StringWriter sql = new StringWriter();
			Connection connection = LiquibaseSession.connection(liquibase);
			RunnerOptions options = this.session.options();
			liquibase
				.setChangeExecListener(new StatementTimeouts(connection, this.session.dialect(connection).locking(),
						options.statementLockTimeout(), options.statementTimeout(), true));
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
		return this.session.run(false,
				(liquibase, changelog) -> CreatedObjects.of(liquibase.getDatabaseChangeLog().getChangeSets(),
						Objects.requireNonNull(this.session.detectedDialect().known(), "dialect found by run")));
	}

}
