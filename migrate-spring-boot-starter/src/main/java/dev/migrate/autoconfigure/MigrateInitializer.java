package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.Migrate;
import dev.migrate.core.PossibleRenameException;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.MigrationException;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.UpgradeResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Migrate at startup, before JPA and anything else that depends on database
 * initialization, as {@code migrate.mode} says, and logs one summary line.
 */
public class MigrateInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private final MigrateContext context;

	private final MigrateStatusMonitor monitor;

	private final MigrateExit exit;

	private volatile @Nullable MigrateRun lastRun;

	public MigrateInitializer(MigrateContext context, MigrateStatusMonitor monitor) {
		this(context, monitor, System::exit);
	}

	/**
	 * Create a new instance.
	 * @param context what Migrate works on
	 * @param monitor where the status found at startup is kept for the endpoint and
	 * health
	 * @param exit how command mode ends the application with its exit code
	 */
	public MigrateInitializer(MigrateContext context, MigrateStatusMonitor monitor, MigrateExit exit) {
		this.context = context;
		this.monitor = monitor;
		this.exit = exit;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateProperties.Command command = this.context.properties().getCommand();
		if (command != null) {
			// Before JPA starts, which would fail to validate a schema the command is to
			// fix.
			this.exit.exit(new MigrateCommand(this.context, System.out).run(command));
			return;
		}
		MigrateProperties.Mode mode = this.context.properties().getMode();
		if (mode == MigrateProperties.Mode.NONE) {
			return;
		}
		Instant started = Instant.now();
		long start = System.nanoTime();
		try {
			Path source = this.context.autoSourceDirectory();
			Outcome outcome = switch (mode) {
				case AUTO -> (source != null) ? auto(source) : apply();
				case APPLY -> apply();
				case VALIDATE -> validate();
				case NONE -> throw new IllegalStateException("Unreachable");
			};
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			this.monitor.record(outcome.status(), outcome.drift());
			this.lastRun = new MigrateRun(mode, started, took, true, outcome.generated(), outcome.applied(), null);
			logger.info(new MigrateSummary(this.context, outcome, took).toString());
		}
		catch (RuntimeException ex) {
			RuntimeException failure = DataSourceDescription.isConnectionFailure(ex)
					? new MigrationException("Migrate cannot connect to the database at "
							+ DataSourceDescription.describe(this.context.dataSource()) + ": " + ex.getMessage(), ex)
					: ex;
			this.lastRun = new MigrateRun(mode, started, Duration.ofNanos(System.nanoTime() - start), false, null, 0,
					failure.getMessage());
			throw failure;
		}
	}

	private Outcome auto(Path source) {
		this.context.writeMasterChangelogIfMissing(source);
		Migrate migrate = this.context.migrate(MigrateContext.directory(source));
		String desired = this.context.desiredFingerprint();
		if (desired != null) {
			// The last start found the database in step with these entities, and neither
			// the revisions nor the catalog changed since: nothing to apply or generate.
			Optional<MigrationStatus> unchanged = migrate.runner().statusIfUnchanged(desired);
			if (unchanged.isPresent()) {
				return new Outcome(true, unchanged.get(), null, 0, null, true);
			}
		}
		// Committed revisions first (e.g. a teammate's), so that a new revision holds
		// only what no revision does yet.
		UpgradeResult result = migrate.runner().upgrade();
		logBlocked(result);
		int applied = result.applied().size();
		if (!this.context.hasEntities()) {
			return new Outcome(true, result.status(), null, applied, null, false);
		}
		String baseline = adopt(migrate, result.status(), source);
		if (baseline != null) {
			result = migrate.runner().upgrade();
			applied += result.applied().size();
		}
		// Taken before the comparison, so that DDL run meanwhile is not recorded as in
		// step.
		String catalog = (desired != null) ? migrate.runner().catalogFingerprint().orElse(null) : null;
		// One comparison serves both the new revision and the drift reported.
		SchemaDiff drift = migrate.diff();
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate generates no revision while destructive changesets are held back (the new"
					+ " revision would repeat them); apply them with migrate.allow-destructive=true or delete"
					+ " their revision");
			return new Outcome(true, result.status(), drift, applied, null, false);
		}
		// A pair that may be a rename is asked about, not guessed: the rest is written
		// and applied, then the start fails naming the pair.
		String generated = this.context.generate(migrate, drift.withoutPossibleRenames(), source).map((file) -> {
			logger.info("Migrate wrote a new revision " + file + "; review and commit it");
			return file.toString();
		}).orElse(null);
		if (!drift.possibleRenames().isEmpty()) {
			if (generated != null) {
				migrate.runner().upgrade();
			}
			throw new PossibleRenameException(drift.possibleRenames(), generated);
		}
		if (generated != null) {
			result = migrate.runner().upgrade();
			logBlocked(result);
			applied += result.applied().size();
			catalog = (desired != null) ? migrate.runner().catalogFingerprint().orElse(null) : null;
			drift = migrate.diff();
		}
		generated = (generated != null) ? generated : baseline;
		if (desired != null && catalog != null && drift.isEmpty() && result.blocked().isEmpty()
				&& !result.status().hasPending()) {
			migrate.runner().recordInStep(desired, catalog);
		}
		return new Outcome(true, result.status(), drift, applied, generated, false);
	}

	/**
	 * Write the baseline of a database adopted with its schema already there, so that the
	 * first revision does not create what it has.
	 */
	private @Nullable String adopt(Migrate migrate, MigrationStatus status, Path source) {
		Optional<Path> baseline = new Adoption(this.context).baselineIfAdopting(migrate, status, source);
		if (baseline.isEmpty()) {
			return null;
		}
		logger.info("Migrate adopted a database whose mapped tables are already there: it wrote their baseline "
				+ baseline.get() + ", recorded as applied here without running it; review and commit it");
		if (migrate.hasFlywayHistory()) {
			logger.warn(Adoption.FLYWAY);
		}
		return baseline.get().toString();
	}

	private Outcome apply() {
		requireChangelog();
		MigrationRunner runner = this.context.migrate().runner();
		Optional<MigrationStatus> unchanged = runner.statusIfUnchanged();
		if (unchanged.isPresent()) {
			requireRevisions(unchanged.get());
			return new Outcome(false, unchanged.get(), null, 0, null, true);
		}
		UpgradeResult result = runner.upgrade();
		requireRevisions(result.status());
		logBlocked(result);
		return new Outcome(false, result.status(), null, result.applied().size(), null, false);
	}

	private Outcome validate() {
		requireChangelog();
		Migrate migrate = this.context.migrate();
		MigrationStatus status = migrate.runner().status();
		requireRevisions(status);
		if (status.hasPending()) {
			throw new PendingRevisionsException("migrate.mode=validate and " + status.pending().size()
					+ " revision(s) are pending: " + status.pending().stream().map(Revision::name).toList());
		}
		SchemaDiff drift = this.context.hasEntities() ? migrate.check() : null;
		return new Outcome(false, status, drift, 0, null, false);
	}

	/**
	 * A deployed application without its changelog would otherwise start with nothing
	 * applied and fail later, far from the cause.
	 */
	private void requireChangelog() {
		if (!this.context.hasChangelog()) {
			throw new MigrationException("Migrate found no master changelog " + this.context.describeChangelog()
					+ ", looked up with Spring's resource resolution on the application's classpath (nested jars"
					+ " included). Package it with the application (src/main/resources/"
					+ this.context.properties().getChangelog() + "), let a development run in auto mode write it,"
					+ " or point migrate.changelog at it.");
		}
	}

	/**
	 * A changelog whose revision folder is missing or empty is an error where revisions
	 * are expected (the application has entities, or the database has applied some),
	 * never a silent no-op.
	 */
	private void requireRevisions(MigrationStatus status) {
		if (!status.applied().isEmpty() || !status.pending().isEmpty()) {
			return;
		}
		int recorded = this.context.migrate().runner().history().size();
		List<String> expected = new ArrayList<>();
		if (this.context.hasEntities()) {
			expected.add("the application has entities");
		}
		if (recorded > 0) {
			expected.add("the database has " + recorded + " applied changeset(s)");
		}
		if (expected.isEmpty()) {
			return;
		}
		throw new MigrationException("Migrate found no revisions in the master changelog "
				+ this.context.describeChangelog() + " and applied nothing; it looked for revision files with "
				+ this.context.describeRevisionSearch() + ". Revisions were expected: " + String.join(" and ", expected)
				+ ". Package the revision files with the application (migrate.changes-directory, relative to the"
				+ " master changelog), or generate them in a development run.");
	}

	private void logBlocked(UpgradeResult result) {
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate held back " + result.blocked().size() + " changeset(s) from the first destructive"
					+ " one on; set migrate.allow-destructive=true to apply them: " + result.blocked());
		}
	}

	/**
	 * Return the outcome of the last run.
	 * @return the last run, or {@code null} if Migrate has not run
	 */
	public @Nullable MigrateRun lastRun() {
		return this.lastRun;
	}

	/**
	 * What a startup run found.
	 *
	 * @param generating whether this run could generate revisions
	 * @param status the revisions after the run
	 * @param drift the drift after the run, or {@code null} if not compared yet
	 * @param applied how many changesets the run applied
	 * @param generated the revision it wrote, or {@code null}
	 * @param unchanged whether it found that nothing changed since the last run without
	 * initializing Liquibase
	 */
	record Outcome(boolean generating, MigrationStatus status, @Nullable SchemaDiff drift, int applied,
			@Nullable String generated, boolean unchanged) {

	}

}
