package dev.migrate.autoconfigure.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.autoconfigure.MigrateInstances;
import dev.migrate.autoconfigure.MigrateRun;
import dev.migrate.core.runner.MigrationStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters: {@code migrate.run} times the startup run (tagged with mode and
 * outcome) and {@code migrate.pending} gauges the pending revisions, each tagged with
 * {@code migrate.instance}: {@code default} for the default instance, the name for each
 * of {@code migrate.instances}.
 */
public class MigrateMetrics implements MeterBinder {

	/** The tag that names the instance. */
	public static final String INSTANCE_TAG = "migrate.instance";

	private final Map<String, MigrateInitializer> initializers = new LinkedHashMap<>();

	/**
	 * Create a new instance.
	 * @param initializer the startup run of the default instance, and the status found
	 * since
	 * @param instances the other instances, if any
	 */
	public MigrateMetrics(MigrateInitializer initializer, @Nullable MigrateInstances instances) {
		this.initializers.put(MigrateInstances.DEFAULT_NAME, initializer);
		if (instances != null) {
			instances.instances().forEach((name, instance) -> this.initializers.put(name, instance.initializer()));
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.initializers.forEach((name, initializer) -> bindTo(registry, name, initializer));
	}

	private void bindTo(MeterRegistry registry, String instance, MigrateInitializer initializer) {
		MigrateRun run = initializer.lastRun();
		if (run != null) {
			Timer.builder("migrate.run")
				.description("Time Migrate took at startup")
				.tag("mode", run.mode().name().toLowerCase(Locale.ROOT))
				.tag("outcome", run.successful() ? "success" : "failure")
				.tag(INSTANCE_TAG, instance)
				.register(registry)
				.record(run.duration());
		}
		Gauge.builder("migrate.pending", initializer, MigrateMetrics::pendingRevisions)
			.description("Revisions not yet applied to the database")
			.tag(INSTANCE_TAG, instance)
			.register(registry);
	}

	private static double pendingRevisions(MigrateInitializer initializer) {
		MigrationStatus revisions = initializer.status().revisions();
		return (revisions != null) ? revisions.pending().size() : 0;
	}

}
