package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Map;

import dev.migrate.core.tenant.SchemaOutcome;
import dev.migrate.core.tenant.TenantMigrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Migrates the tenant schemas at startup, after the application's own schema, and keeps
 * what happened in each for the endpoint and health. A schema that fails is logged and
 * reported; the others are migrated and the application starts.
 */
class MigrateTenants {

	private static final Log logger = LogFactory.getLog(MigrateTenants.class);

	private final MigrateSchemaProvider provider;

	private final TenantMigrations migrations;

	private volatile @Nullable Map<String, SchemaOutcome> outcomes;

	/**
	 * Create a new instance.
	 * @param provider the tenant schemas
	 * @param migrations how they are migrated
	 */
	MigrateTenants(MigrateSchemaProvider provider, TenantMigrations migrations) {
		this.provider = provider;
		this.migrations = migrations;
	}

	/**
	 * Return the tenant migrations, e.g. for one schema's runner.
	 * @return the migrations
	 */
	TenantMigrations migrations() {
		return this.migrations;
	}

	/**
	 * Upgrade every tenant schema the provider names.
	 * @return what happened in each, in the provider's order
	 */
	Map<String, SchemaOutcome> upgrade() {
		List<String> schemas = this.provider.schemas();
		if (schemas.isEmpty()) {
			return Map.of();
		}
		long start = System.nanoTime();
		Map<String, SchemaOutcome> ordered = this.migrations.upgrade(schemas);
		this.outcomes = ordered;
		List<String> failed = failed(ordered);
		long unchanged = ordered.values().stream().filter(SchemaOutcome::unchanged).count();
		int applied = ordered.values().stream().mapToInt(SchemaOutcome::applied).sum();
		String summary = "Migrate: " + ordered.size() + " tenant schema(s) in "
				+ (System.nanoTime() - start) / 1_000_000 + " ms; " + unchanged + " unchanged, " + applied
				+ " changeset(s) applied";
		if (failed.isEmpty()) {
			logger.info(summary);
		}
		else {
			logger.error(summary + "; " + failed.size() + " failed: " + failed + " (see /actuator/migrate)");
		}
		return ordered;
	}

	/**
	 * Return what the last run did in each tenant schema.
	 * @return the outcomes, or {@code null} before the first run
	 */
	@Nullable Map<String, SchemaOutcome> outcomes() {
		return this.outcomes;
	}

	/**
	 * Return the schemas whose migration failed.
	 * @param outcomes the outcomes by schema
	 * @return the failed schemas, in order
	 */
	static List<String> failed(Map<String, SchemaOutcome> outcomes) {
		return outcomes.values()
			.stream()
			.filter((outcome) -> !outcome.successful())
			.map(SchemaOutcome::schema)
			.toList();
	}

}
