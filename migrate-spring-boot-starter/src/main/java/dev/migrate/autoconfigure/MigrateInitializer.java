package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import dev.migrate.core.Migrate;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.tenant.SchemaOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs Migrate at startup, before JPA and anything else that depends on database
 * initialization: the command of command mode, or else the {@link MigrateStartupStrategy}
 * (by default, what {@code migrate.mode} says); then tells what it did and what Migrate
 * has found out since, for the endpoint, health and metrics.
 */
public class MigrateInitializer implements InitializingBean {

	private final Migrate migrate;

	private final MigrateStartupStrategy strategy;

	private final MigrateContext context;

	private final MigrateStatusMonitor monitor;

	private final MigrateExit exit;

	private volatile @Nullable MigrateRun lastRun;

	private @Nullable MigrateTenants tenants;

	/**
	 * Create a new instance that runs what {@code migrate.mode} says.
	 * @param context what Migrate works on
	 * @param monitor where the status found at startup is kept for the endpoint and
	 * health
	 */
	MigrateInitializer(MigrateContext context, MigrateStatusMonitor monitor) {
		this(context.migrate(), new ModeStartupStrategy(context, monitor), context, monitor, System::exit);
	}

	/**
	 * Create a new instance.
	 * @param migrate Migrate over the application's database and changelog
	 * @param strategy what runs at startup outside command mode
	 * @param context what Migrate works on
	 * @param monitor the status kept up to date after startup
	 * @param exit how command mode ends the application with its exit code
	 */
	MigrateInitializer(Migrate migrate, MigrateStartupStrategy strategy, MigrateContext context,
			MigrateStatusMonitor monitor, MigrateExit exit) {
		this.migrate = migrate;
		this.strategy = strategy;
		this.context = context;
		this.monitor = monitor;
		this.exit = exit;
	}

	@Override
	public void afterPropertiesSet() {
		MigrateProperties.Command command = this.context.properties().getCommand();
		if (command != null) {
			String instance = this.context.properties().getInstance();
			if (instance != null && this.context.instanceName() == null) {
				// The instances run it on theirs; this one stays as it is.
				MigrateInstances.requireInstance(this.context.properties(), instance);
				return;
			}
			// Before JPA starts, which would fail to validate a schema the command is to
			// fix.
			this.exit.exit(new MigrateCommand(this.context, System.out, System.err).run(command));
			return;
		}
		MigrateProperties.Mode mode = this.context.properties().getMode();
		if (mode == MigrateProperties.Mode.NONE) {
			return;
		}
		Instant started = Instant.now();
		long start = System.nanoTime();
		try {
			String generated = null;
			int applied = 0;
			if (this.strategy instanceof ModeStartupStrategy modes) {
				ModeStartupStrategy.Outcome outcome = modes.run(this.migrate);
				generated = outcome.generated();
				applied = outcome.applied();
			}
			else {
				this.strategy.migrate(this.migrate);
			}
			DataSource application = this.context.applicationDataSource();
			if (application != null && this.context.properties().isCheckApplicationPrivileges()) {
				ApplicationPrivileges.check(this.context.dataSource(), application);
			}
			this.lastRun = new MigrateRun(mode, started, Duration.ofNanos(System.nanoTime() - start), true, generated,
					applied, null);
			if (this.tenants != null && mode != MigrateProperties.Mode.VALIDATE) {
				// After the template schema, where auto mode generates; a failing tenant
				// is reported, not thrown.
				this.tenants.upgrade();
			}
		}
		catch (RuntimeException ex) {
			RuntimeException failure = DataSourceDescription.isConnectionFailure(ex)
					? new MigrateException("Migrate cannot connect to the database at "
							+ DataSourceDescription.describe(this.context.dataSource()) + ": " + ex.getMessage(), ex)
					: ex;
			this.lastRun = new MigrateRun(mode, started, Duration.ofNanos(System.nanoTime() - start), false, null, 0,
					failure.getMessage());
			throw failure;
		}
	}

	/**
	 * Migrate these tenant schemas at startup too, after the application's own schema.
	 * @param tenants the tenant schemas and how they are migrated
	 */
	void tenants(MigrateTenants tenants) {
		this.tenants = tenants;
	}

	/**
	 * Return the tenant schemas migrated at startup, if any.
	 * @return the tenants, or {@code null} without {@code migrate.schemas} or a
	 * {@link MigrateSchemaProvider}
	 */
	@Nullable MigrateTenants tenants() {
		return this.tenants;
	}

	/**
	 * Return what the startup run did in each tenant schema.
	 * @return the outcomes by schema, or {@code null} if no tenant schema was migrated
	 */
	public @Nullable Map<String, SchemaOutcome> tenantOutcomes() {
		return (this.tenants != null) ? this.tenants.outcomes() : null;
	}

	/**
	 * Return the outcome of the last run.
	 * @return the last run, or {@code null} if Migrate has not run
	 */
	public @Nullable MigrateRun lastRun() {
		return this.lastRun;
	}

	/**
	 * Return what Migrate last found out about the database (revisions and drift), as
	 * kept up to date in the background after startup, without touching the database.
	 * @return the status
	 */
	public MigrateStatus status() {
		return this.monitor.status();
	}

	/**
	 * Return the database Migrate migrates, as last read in the background.
	 * @return the database (product, version, masked URL, user)
	 */
	public MigrateDatabase database() {
		return this.monitor.database();
	}

	/**
	 * Return the mode this instance starts in.
	 * @return the mode
	 */
	public MigrateProperties.Mode mode() {
		return this.context.properties().getMode();
	}

}
