package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.Migrate;
import dev.migrate.core.diff.Change;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.DatabaseTarget;
import dev.migrate.core.runner.MigrationStatus;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps Migrate's status (revisions and drift) computed off the request thread: set at
 * startup from what the run found, then refreshed in the background every
 * {@code migrate.status-refresh-interval}, so that health probes and the endpoint never
 * parse the changelog or read the catalog themselves. In apply mode the first comparison
 * of entities and database runs here, after startup.
 */
class MigrateStatusMonitor implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MigrateStatusMonitor.class);

	private final MigrateContext context;

	private final Migrate migrate;

	private final Duration interval;

	private volatile MigrateStatus status = MigrateStatus.unknown();

	private volatile @Nullable ScheduledExecutorService scheduler;

	private @Nullable List<String> reportedDrift;

	private volatile @Nullable MigrateDatabase database;

	MigrateStatusMonitor(MigrateContext context) {
		this(context, context.migrate());
	}

	/**
	 * Create a new instance.
	 * @param context what Migrate works on
	 * @param migrate Migrate over the application's database and changelog
	 */
	MigrateStatusMonitor(MigrateContext context, Migrate migrate) {
		this.context = context;
		this.migrate = migrate;
		this.interval = context.properties().getStatusRefreshInterval();
	}

	/**
	 * Return the latest status.
	 * @return the status
	 */
	MigrateStatus status() {
		return this.status;
	}

	/**
	 * Return the database (product, version, masked URL, user) as last read in the
	 * background, so that serving it opens no connection. Only before the first
	 * background read does this read it here, once.
	 * @return the database
	 */
	MigrateDatabase database() {
		MigrateDatabase database = this.database;
		return (database != null) ? database : describeDatabaseIfUnknown();
	}

	private synchronized MigrateDatabase describeDatabaseIfUnknown() {
		MigrateDatabase database = this.database;
		return (database != null) ? database : describeDatabase();
	}

	private synchronized MigrateDatabase describeDatabase() {
		try (Connection connection = this.context.dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			String url = metaData.getURL();
			MigrateDatabase database = new MigrateDatabase(metaData.getDatabaseProductName(),
					metaData.getDatabaseProductVersion(), (url != null) ? DatabaseTarget.mask(url) : null,
					metaData.getUserName());
			this.database = database;
			return database;
		}
		catch (SQLException | RuntimeException ex) {
			// Unknown until the next refresh reaches the database.
			MigrateDatabase known = this.database;
			return (known != null) ? known : new MigrateDatabase(null, null, null, null);
		}
	}

	/**
	 * Record what a startup run found.
	 * @param revisions the revisions after the run, or {@code null} without a changelog
	 * @param drift the drift after the run, or {@code null} if it was not compared
	 */
	void record(@Nullable MigrationStatus revisions, @Nullable SchemaDiff drift) {
		this.status = new MigrateStatus(Instant.now(), revisions, drift, null);
		if (drift != null) {
			this.reportedDrift = descriptions(drift);
		}
	}

	/**
	 * Read the revisions and compare the entities with the database now.
	 * @return the new status
	 */
	MigrateStatus refresh() {
		return refresh(true);
	}

	/**
	 * The first comparison after a start that did not compare: the revisions were just
	 * read by the start itself.
	 */
	private MigrateStatus compareAfterStartup() {
		return refresh(false);
	}

	private synchronized MigrateStatus refresh(boolean readRevisions) {
		try {
			Migrate migrate = this.migrate;
			// Liquibase's full status only when the revisions or the applied changesets
			// changed since the last upgrade; a start whose strategy recorded none has
			// not
			// read them.
			MigrationStatus revisions = (!readRevisions && this.status.revisions() != null) ? this.status.revisions()
					: this.context.changelog().exists()
							? migrate.runner().statusIfUnchanged().orElseGet(migrate.runner()::status) : null;
			SchemaDiff drift = this.context.desired().hasEntities() ? migrate.diff() : null;
			if (drift != null && !drift.isEmpty()) {
				// A start that trusted the fingerprints must not trust them again.
				migrate.runner().forgetInStep();
			}
			this.status = new MigrateStatus(Instant.now(), revisions, drift, null);
			reportDriftChange(drift);
			describeDatabase();
		}
		catch (RuntimeException ex) {
			logger.warn("Migrate could not refresh its status: " + ex.getMessage());
			this.status = this.status.failed(String.valueOf(ex.getMessage()));
		}
		return this.status;
	}

	private void reportDriftChange(@Nullable SchemaDiff drift) {
		List<String> changes = (drift != null) ? descriptions(drift) : List.of();
		if (!changes.isEmpty() && !changes.equals(this.reportedDrift)) {
			logger.warn("Migrate: the database differs from the entities by " + changes.size()
					+ " change(s) (see /actuator/migrate; generate a revision for them in development): " + changes);
		}
		this.reportedDrift = changes;
	}

	private static List<String> descriptions(SchemaDiff drift) {
		return drift.changes().stream().map(Change::description).toList();
	}

	@Override
	public void start() {
		// Whether there are entities at all is for the background thread to find out:
		// reading them costs startup time.
		boolean driftUnknown = this.status.drift() == null;
		if (!periodic() && !driftUnknown) {
			if (this.database == null) {
				Thread thread = new Thread(this::describeDatabaseIfUnknown, "migrate-status");
				thread.setDaemon(true);
				thread.start();
			}
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "migrate-status");
			thread.setDaemon(true);
			return thread;
		});
		if (driftUnknown) {
			scheduler.execute(this::compareAfterStartup);
		}
		else {
			scheduler.execute(this::describeDatabaseIfUnknown);
		}
		if (periodic()) {
			scheduler.scheduleWithFixedDelay(this::refresh, this.interval.toMillis(), this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		this.scheduler = scheduler;
	}

	private boolean periodic() {
		return !this.interval.isNegative() && !this.interval.isZero();
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
