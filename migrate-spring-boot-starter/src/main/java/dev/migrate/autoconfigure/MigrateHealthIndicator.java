package dev.migrate.autoconfigure;

import dev.migrate.core.runner.MigrationStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code migrate} health indicator: DOWN when the last run failed or revisions are
 * pending, with drift between entities and database in its details.
 */
public class MigrateHealthIndicator extends AbstractHealthIndicator {

	private final MigrateContext context;

	private final MigrateInitializer initializer;

	public MigrateHealthIndicator(MigrateContext context, MigrateInitializer initializer) {
		super("Migrate health check failed");
		this.context = context;
		this.initializer = initializer;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrateRun lastRun = this.initializer.lastRun();
		if (lastRun != null) {
			builder.withDetail("lastRun", lastRun);
		}
		MigrationStatus status = this.context.hasChangelog() ? this.context.migrate().runner().status() : null;
		int pending = (status != null) ? status.pending().size() : 0;
		int drift = this.context.migrate().diff().changes().size();
		builder.withDetail("pending", pending).withDetail("drift", drift);
		if (status != null && status.current() != null) {
			builder.withDetail("current", status.current());
		}
		if ((lastRun != null && !lastRun.successful()) || pending > 0) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

}
