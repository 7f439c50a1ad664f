package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.tenant.SchemaOutcome;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code migrate} health indicator, for a platform to act on: DOWN when the last run
 * failed, revisions are pending that an upgrade would apply, or a tenant schema failed
 * (named in {@code failedSchemas}). Destructive revisions held back on purpose and drift
 * are in its details, not reasons for DOWN. It reads the status Migrate keeps up to date
 * in the background, never the database.
 */
public class MigrateHealthIndicator extends AbstractHealthIndicator {

	private final MigrateInitializer initializer;

	private final MigrateStatusMonitor monitor;

	public MigrateHealthIndicator(MigrateInitializer initializer, MigrateStatusMonitor monitor) {
		super("Migrate health check failed");
		this.initializer = initializer;
		this.monitor = monitor;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrateRun lastRun = this.initializer.lastRun();
		if (lastRun != null) {
			builder.withDetail("lastRun", lastRun);
		}
		MigrateStatus status = this.monitor.status();
		MigrationStatus revisions = status.revisions();
		if (revisions != null) {
			builder.withDetail("pending", revisions.applicable().size())
				.withDetail("heldBack", revisions.heldBack().size());
			if (revisions.current() != null) {
				builder.withDetail("current", revisions.current());
			}
		}
		builder.withDetail("drift", (status.drift() != null) ? status.drift().changes().size() : "not compared yet");
		builder.withDetail("checked", status.checked());
		if (status.error() != null) {
			builder.withDetail("error", status.error());
		}
		Map<String, SchemaOutcome> schemas = this.initializer.tenantOutcomes();
		List<String> failedSchemas = List.of();
		if (schemas != null) {
			failedSchemas = MigrateTenants.failed(schemas);
			builder.withDetail("schemas", schemas.size()).withDetail("failedSchemas", failedSchemas);
		}
		if ((lastRun != null && !lastRun.successful()) || status.hasApplicablePending() || !failedSchemas.isEmpty()) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

}
