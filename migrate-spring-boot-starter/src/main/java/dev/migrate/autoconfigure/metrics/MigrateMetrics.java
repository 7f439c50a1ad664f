package dev.migrate.autoconfigure.metrics;

import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.autoconfigure.MigrateRun;
import dev.migrate.core.runner.MigrationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters: {@code migrate.run} times the startup run (tagged with mode and
 * outcome) and {@code migrate.pending} gauges the pending revisions.
 */
public class MigrateMetrics implements MeterBinder {

	private final MigrateInitializer initializer;

	/**
	 * Create a new instance.
	 * @param initializer the startup run, and the status found since
	 */
	public MigrateMetrics(MigrateInitializer initializer) {
		this.initializer = initializer;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MigrateRun run = this.initializer.lastRun();
		if (run != null) {
			Timer.builder("migrate.run")
				.description("Time Migrate took at startup")
				.tag("mode", run.mode().name().toLowerCase(java.util.Locale.ROOT))
				.tag("outcome", run.successful() ? "success" : "failure")
				.register(registry)
				.record(run.duration());
		}
		Gauge.builder("migrate.pending", this, MigrateMetrics::pendingRevisions)
			.description("Revisions not yet applied to the database")
			.register(registry);
	}

	private double pendingRevisions() {
		MigrationStatus revisions = this.initializer.status().revisions();
		return (revisions != null) ? revisions.pending().size() : 0;
	}

}
