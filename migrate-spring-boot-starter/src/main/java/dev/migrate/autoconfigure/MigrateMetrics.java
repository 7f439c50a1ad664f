package dev.migrate.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer meters: {@code migrate.run} times the startup run (tagged with mode and
 * outcome) and {@code migrate.pending} gauges the pending revisions.
 */
class MigrateMetrics implements MeterBinder {

	private final MigrateContext context;

	private final MigrateInitializer initializer;

	MigrateMetrics(MigrateContext context, MigrateInitializer initializer) {
		this.context = context;
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
		try {
			return this.context.hasChangelog() ? this.context.migrate().runner().status().pending().size() : 0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
