package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.migrate.core.Migrate;
import dev.migrate.core.runner.MigrationException;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.UpgradeResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Migrate at startup, before JPA and anything else that depends on database
 * initialization, as {@code migrate.mode} says.
 */
public class MigrateInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private final MigrateContext context;

	private final MigrateExit exit;

	private volatile @Nullable MigrateRun lastRun;

	public MigrateInitializer(MigrateContext context) {
		this(context, System::exit);
	}

	/**
	 * Create a new instance.
	 * @param context what Migrate works on
	 * @param exit how command mode ends the application with its exit code
	 */
	public MigrateInitializer(MigrateContext context, MigrateExit exit) {
		this.context = context;
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
			Path source = this.context.writableSourceDirectory();
			MigrateRun run = switch (mode) {
				case AUTO -> (source != null) ? auto(source, started) : apply(started, mode);
				case APPLY -> apply(started, mode);
				case VALIDATE -> validate(started);
				case NONE -> throw new IllegalStateException("Unreachable");
			};
			this.lastRun = run.took(Duration.ofNanos(System.nanoTime() - start));
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

	private MigrateRun auto(Path source, Instant started) {
		this.context.writeMasterChangelogIfMissing(source);
		Migrate migrate = this.context.migrate(MigrateContext.directory(source));
		// Committed revisions first (e.g. a teammate's), so that a new revision holds
		// only what no revision does yet.
		UpgradeResult committed = migrate.runner().upgrade();
		logBlocked(committed);
		int applied = committed.applied().size();
		String generated = null;
		if (this.context.hasEntities()) {
			if (!committed.blocked().isEmpty()) {
				logger.warn("Migrate generates no revision while destructive changesets are held back (the new"
						+ " revision would repeat them); apply them with migrate.allow-destructive=true or delete"
						+ " their revision");
			}
			else {
				generated = generate(migrate, source);
			}
		}
		if (generated != null) {
			UpgradeResult result = migrate.runner().upgrade();
			logBlocked(result);
			applied += result.applied().size();
		}
		return new MigrateRun(MigrateProperties.Mode.AUTO, started, Duration.ZERO, true, generated, applied, null);
	}

	private @Nullable String generate(Migrate migrate, Path source) {
		return this.context.generate(migrate, source).map((file) -> {
			logger.info("Migrate wrote a new revision " + file + "; review and commit it");
			return file.toString();
		}).orElse(null);
	}

	private MigrateRun apply(Instant started, MigrateProperties.Mode mode) {
		if (!this.context.hasChangelog()) {
			logger.warn("Migrate found no changelog at classpath:" + this.context.properties().getChangelog()
					+ "; nothing to apply");
			return new MigrateRun(mode, started, Duration.ZERO, true, null, 0, null);
		}
		UpgradeResult result = this.context.migrate().runner().upgrade();
		logBlocked(result);
		return new MigrateRun(mode, started, Duration.ZERO, true, null, result.applied().size(), null);
	}

	private MigrateRun validate(Instant started) {
		Migrate migrate = this.context.migrate();
		if (this.context.hasChangelog()) {
			MigrationStatus status = migrate.runner().status();
			if (status.hasPending()) {
				throw new MigrationException("migrate.mode=validate and " + status.pending().size()
						+ " revision(s) are pending: " + status.pending().stream().map(Revision::name).toList());
			}
		}
		if (this.context.hasEntities()) {
			migrate.check();
		}
		return new MigrateRun(MigrateProperties.Mode.VALIDATE, started, Duration.ZERO, true, null, 0, null);
	}

	private void logBlocked(UpgradeResult result) {
		if (!result.blocked().isEmpty()) {
			logger.warn("Migrate left " + result.blocked().size() + " destructive changeset(s) pending; set"
					+ " migrate.allow-destructive=true to apply them: " + result.blocked());
		}
	}

	/**
	 * Return the outcome of the last run.
	 * @return the last run, or {@code null} if Migrate has not run
	 */
	public @Nullable MigrateRun lastRun() {
		return this.lastRun;
	}

}
