package dev.migrate.autoconfigure.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.autoconfigure.MigrateInitializer;
import dev.migrate.autoconfigure.MigrateInstance;
import dev.migrate.autoconfigure.MigrateInstances;
import dev.migrate.autoconfigure.MigrateRun;
import dev.migrate.autoconfigure.MigrateStatus;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.tenant.SchemaOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code migrate} health indicator, for a platform to act on: DOWN when the last run
 * failed, revisions are pending that an upgrade would apply, a tenant schema failed
 * (named in {@code failedSchemas}) or one of these holds for a database of
 * {@code migrate.instances} (named in {@code failedInstances}, each instance's details
 * under {@code instances}). Destructive revisions held back on purpose and drift are in
 * its details, not reasons for DOWN. It reads the status Migrate keeps up to date in the
 * background, never the database.
 */
public class MigrateHealthIndicator extends AbstractHealthIndicator {

	private final MigrateInitializer initializer;

	private final @Nullable MigrateInstances instances;

	/**
	 * Create a new instance.
	 * @param initializer the default instance's startup run, and the status found since
	 */
	public MigrateHealthIndicator(MigrateInitializer initializer) {
		this(initializer, null);
	}

	/**
	 * Create a new instance.
	 * @param initializer the default instance's startup run, and the status found since
	 * @param instances the databases of {@code migrate.instances}, if any
	 */
	public MigrateHealthIndicator(MigrateInitializer initializer, @Nullable MigrateInstances instances) {
		super("Migrate health check failed");
		this.initializer = initializer;
		this.instances = instances;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean up = check(this.initializer.lastRun(), this.initializer.status(), details);
		builder.withDetails(details);
		Map<String, SchemaOutcome> schemas = this.initializer.tenantOutcomes();
		List<String> failedSchemas = List.of();
		if (schemas != null) {
			failedSchemas = schemas.values()
				.stream()
				.filter((outcome) -> !outcome.successful())
				.map(SchemaOutcome::schema)
				.toList();
			builder.withDetail("schemas", schemas.size()).withDetail("failedSchemas", failedSchemas);
		}
		List<String> failedInstances = new ArrayList<>();
		if (this.instances != null) {
			Map<String, Object> instanceDetails = new LinkedHashMap<>();
			for (MigrateInstance instance : this.instances.instances().values()) {
				Map<String, Object> detail = new LinkedHashMap<>();
				boolean instanceUp = check(instance.initializer().lastRun(), instance.initializer().status(), detail);
				Map<String, Object> withStatus = new LinkedHashMap<>();
				withStatus.put("status", instanceUp ? "UP" : "DOWN");
				withStatus.putAll(detail);
				instanceDetails.put(instance.name(), withStatus);
				if (!instanceUp) {
					failedInstances.add(instance.name());
				}
			}
			builder.withDetail("instances", instanceDetails).withDetail("failedInstances", failedInstances);
		}
		if (!up || !failedSchemas.isEmpty() || !failedInstances.isEmpty()) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

	/**
	 * Put one instance's details and tell whether it is up.
	 */
	private static boolean check(@Nullable MigrateRun lastRun, MigrateStatus status, Map<String, Object> details) {
		if (lastRun != null) {
			details.put("lastRun", lastRun);
		}
		MigrationStatus revisions = status.revisions();
		if (revisions != null) {
			details.put("pending", revisions.applicable().size());
			details.put("heldBack", revisions.heldBack().size());
			if (revisions.current() != null) {
				details.put("current", revisions.current());
			}
		}
		details.put("drift", (status.drift() != null) ? status.drift().changes().size() : "not compared yet");
		details.put("checked", status.checked());
		if (status.error() != null) {
			details.put("error", status.error());
		}
		return (lastRun == null || lastRun.successful()) && !status.hasApplicablePending();
	}

}
