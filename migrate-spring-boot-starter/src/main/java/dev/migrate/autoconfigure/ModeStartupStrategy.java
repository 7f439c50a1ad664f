package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.Migrate;
import dev.migrate.core.PossibleRenameException;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.UpgradeResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link MigrateStartupStrategy}: what {@code migrate.mode} says. In
 * {@code auto} mode a development run applies the committed revisions, writes a revision
 * for what still differs and applies it; {@code apply} applies the packaged revisions;
 * {@code validate} fails the start unless every revision is applied and the database
 * matches the entities. It keeps what it found for the endpoint and health, and logs one
 * summary line.
 */
class ModeStartupStrategy implements MigrateStartupStrategy {

	private static final Log logger = LogFactory.getLog(ModeStartupStrategy.class);

	private final MigrateContext context;

	private final MigrateStatusMonitor monitor;

	ModeStartupStrategy(MigrateContext context, MigrateStatusMonitor monitor) {
		this.context = context;
		this.monitor = monitor;
	}

	@Override
	public void migrate(Migrate migrate) {
		run(migrate);
	}

	/**
	 * Run what the mode says, record it and log its summary.
	 * @param migrate Migrate over the application's database and changelog
	 * @return what the run found
	 */
	Outcome run(Migrate migrate) {
		long start = System.nanoTime();
		Path source = this.context.changelog().autoSourceDirectory();
		Outcome outcome = switch (this.context.properties().getMode()) {
			case AUTO -> (source != null) ? auto(migrate, source) : apply(migrate);
			case APPLY -> apply(migrate);
			case VALIDATE -> validate(migrate);
			// The initializer does not call a strategy in this mode.
			case NONE -> throw new IllegalStateException("Unreachable");
		};
		this.monitor.record(outcome.status(), outcome.drift());
		logger.info(new MigrateSummary(this.context, outcome, Duration.ofNanos(System.nanoTime() - start)).toString());
		return outcome;
	}

	private Outcome auto(Migrate migrate, Path source) {
		this.context.revisions().writeMasterChangelogIfMissing(source);
		String desired = this.context.desiredFingerprint();
		if (desired != null) {
			// The last start found the database in step with these entities, and neither
			// the revisions nor the catalog changed since: nothing to apply or generate.
			Optional<MigrationStatus> unchanged = migrate.runner().statusIfUnchanged(desired);
			if (unchanged.isPresent()) {
				return new Outcome(true, unchanged.get(), null, List.of(), null, true);
			}
		}
		// Committed revisions first (e.g. a teammate's), so that a new revision holds
		// only what no revision does yet.
		UpgradeResult result = migrate.runner().upgrade();
		logBlocked(result);
		List<ChangeSetRef> applied = new ArrayList<>(result.applied());
		if (!this.context.desired().hasEntities()) {
			return new Outcome(true, result.status(), null, applied, null, false);
		}
		String baseline = adopt(migrate, result.status(), source);
		if (baseline != null) {
			result = migrate.runner().upgrade();
			applied.addAll(result.applied());
		}
		// Taken before the comparison, so that DDL run meanwhile is not recorded as in
		// step.
		String catalog = (desired != null) ? migrate.runner().catalogFingerprint().orElse(null) : null;
		// One comparison serves both the new revision and the drift reported.
		SchemaDiff drift = migrate.diff();
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate generates no revision while destructive changesets are held back (the new"
					+ " revision would repeat them); apply them with migrate.diff.allow-destructive=true or delete"
					+ " their revision");
			return new Outcome(true, result.status(), drift, applied, null, false);
		}
		// A pair that may be a rename is asked about, not guessed: the rest is written
		// and applied, then the start fails naming the pair.
		String generated = this.context.revisions()
			.generate(migrate, drift.withoutPossibleRenames(), source)
			.map((file) -> {
				logger.info("Migrate wrote a new revision " + file + "; review and commit it");
				return file.toString();
			})
			.orElse(null);
		if (!drift.possibleRenames().isEmpty()) {
			if (generated != null) {
				migrate.runner().upgrade();
			}
			throw new PossibleRenameException(drift.possibleRenames(), generated);
		}
		if (generated != null) {
			result = migrate.runner().upgrade();
			logBlocked(result);
			applied.addAll(result.applied());
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

	private Outcome apply(Migrate migrate) {
		requireChangelog();
		MigrationRunner runner = migrate.runner();
		Optional<MigrationStatus> unchanged = runner.statusIfUnchanged();
		if (unchanged.isPresent()) {
			requireRevisions(migrate, unchanged.get());
			return new Outcome(false, unchanged.get(), null, List.of(), null, true);
		}
		UpgradeResult result = runner.upgrade();
		requireRevisions(migrate, result.status());
		logBlocked(result);
		return new Outcome(false, result.status(), null, result.applied(), null, false);
	}

	private Outcome validate(Migrate migrate) {
		requireChangelog();
		MigrationStatus status = migrate.runner().status();
		requireRevisions(migrate, status);
		if (status.hasPending()) {
			throw new PendingRevisionsException("migrate.mode=validate and " + status.pending().size()
					+ " revision(s) are pending: " + status.pending().stream().map(Revision::name).toList());
		}
		SchemaDiff drift = this.context.desired().hasEntities() ? migrate.check() : null;
		return new Outcome(false, status, drift, List.of(), null, false);
	}

	/**
	 * A deployed application without its changelog would otherwise start with nothing
	 * applied and fail later, far from the cause.
	 */
	private void requireChangelog() {
		if (!this.context.changelog().exists()) {
			throw new MigrateException("Migrate found no master changelog " + this.context.changelog().describe()
					+ ", looked up with Spring's resource resolution on the application's classpath (nested jars"
					+ " included). Package it with the application (src/main/resources/"
					+ this.context.properties().getChangelog() + "), let a development run in auto mode write it,"
					+ " or point " + this.context.propertyPrefix() + "changelog at it.");
		}
	}

	/**
	 * A changelog whose revision folder is missing or empty is an error where revisions
	 * are expected (the application has entities, or the database has applied some),
	 * never a silent no-op.
	 */
	private void requireRevisions(Migrate migrate, MigrationStatus status) {
		if (!status.applied().isEmpty() || !status.pending().isEmpty()) {
			return;
		}
		int recorded = migrate.runner().history().size();
		List<String> expected = new ArrayList<>();
		if (this.context.desired().hasEntities()) {
			expected.add("the application has entities");
		}
		if (recorded > 0) {
			expected.add("the database has " + recorded + " applied changeset(s)");
		}
		if (expected.isEmpty()) {
			return;
		}
		throw new MigrateException("Migrate found no revisions in the master changelog "
				+ this.context.changelog().describe() + " and applied nothing; it looked for revision files with "
				+ this.context.changelog().describeRevisionSearch() + ". Revisions were expected: "
				+ String.join(" and ", expected)
				+ ". Package the revision files with the application (migrate.changes-directory, relative to the"
				+ " master changelog), or generate them in a development run.");
	}

	private void logBlocked(UpgradeResult result) {
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate held back " + result.blocked().size() + " changeset(s), destructive or touching what"
					+ " a destructive one touches; set migrate.diff.allow-destructive=true to apply them: "
					+ result.blocked());
		}
	}

	/**
	 * What a startup run found.
	 *
	 * @param generating whether this run could generate revisions
	 * @param status the revisions after the run
	 * @param drift the drift after the run, or {@code null} if not compared yet
	 * @param appliedChangeSets the changesets the run applied
	 * @param generated the revision it wrote, or {@code null}
	 * @param unchanged whether it found that nothing changed since the last run without
	 * initializing Liquibase
	 */
	record Outcome(boolean generating, MigrationStatus status, @Nullable SchemaDiff drift,
			List<ChangeSetRef> appliedChangeSets, @Nullable String generated, boolean unchanged) {

		/**
		 * Return how many changesets the run applied.
		 */
		int applied() {
			return this.appliedChangeSets.size();
		}

		/**
		 * Return how many revisions (files) the run applied, at least in part.
		 */
		int appliedRevisions() {
			return (int) this.appliedChangeSets.stream().map(ChangeSetRef::file).distinct().count();
		}

	}

}
