package dev.migrate.core.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;

/**
 * Applies one changelog to many schemas of a database, as Hibernate's schema-per-tenant
 * multi-tenancy lays them out: each schema keeps its own history (its own
 * {@code DATABASECHANGELOG}) and takes its own advisory lock, and schemas are migrated in
 * parallel by a bounded pool. Revisions are written against one template schema (where
 * the entities map, e.g. {@code public}); in a tenant's schema every name of the template
 * becomes the tenant's. A schema whose revisions and history did not change since its
 * last complete upgrade costs two small queries and no Liquibase initialization. A schema
 * that fails is reported with its error while the others go on.
 */
public final class TenantMigrations {

	private static final System.Logger logger = System.getLogger(TenantMigrations.class.getName());

	private final DataSource dataSource;

	private final MigrationRunner runner;

	private final String template;

	private final int parallelism;

	/**
	 * Create a new instance.
	 * @param dataSource the database that holds the schemas
	 * @param changelog the master changelog's path within the resources
	 * @param files where the changelog and its revisions are read from
	 * @param options how to run (the lock key is each schema's own)
	 * @param template the schema the revisions were generated against, e.g.
	 * {@code public}
	 * @param parallelism how many schemas are migrated at once, at least 1
	 */
	public TenantMigrations(DataSource dataSource, String changelog, ChangelogFiles files, RunnerOptions options,
			String template, int parallelism) {
		if (parallelism < 1) {
			throw new MigrateException(
					"The tenant parallelism must be at least 1, not " + parallelism + " (migrate.tenants.parallelism)");
		}
		this.dataSource = dataSource;
		this.runner = new MigrationRunner(dataSource, changelog, files, options);
		this.template = template;
		this.parallelism = parallelism;
	}

	/**
	 * Return the runner of one schema, e.g. for its status or a downgrade.
	 * @param schema the schema
	 * @return the runner
	 */
	public MigrationRunner runner(String schema) {
		return this.runner.inSchema(schema, this.template);
	}

	/**
	 * Apply every pending revision to each schema (created if missing), in parallel.
	 * @param schemas the schemas, each once
	 * @return what happened in each schema, in the given order
	 */
	public Map<String, SchemaOutcome> upgrade(Collection<String> schemas) {
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(schemas));
		Map<String, SchemaOutcome> outcomes = new LinkedHashMap<>();
		if (distinct.isEmpty()) {
			return outcomes;
		}
		AtomicInteger threads = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(Math.min(this.parallelism, distinct.size()), (task) -> {
			Thread thread = new Thread(task, "migrate-tenant-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			Map<String, Future<SchemaOutcome>> futures = new LinkedHashMap<>();
			distinct.forEach((schema) -> futures.put(schema, executor.submit(() -> upgrade(schema))));
			for (Map.Entry<String, Future<SchemaOutcome>> future : futures.entrySet()) {
				outcomes.put(future.getKey(), future.getValue().get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while migrating the tenant schemas", ex);
		}
		catch (ExecutionException ex) {
			throw new MigrateException("Cannot migrate the tenant schemas: " + ex.getCause(), ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
		return outcomes;
	}

	private SchemaOutcome upgrade(String schema) {
		Instant started = Instant.now();
		long start = System.nanoTime();
		try {
			MigrationRunner runner = runner(schema);
			Optional<MigrationStatus> unchanged = runner.statusIfUnchanged();
			if (unchanged.isPresent()) {
				return outcome(schema, 0, unchanged.get(), true, started, start);
			}
			createIfMissing(schema);
			UpgradeResult result = runner.upgrade();
			return outcome(schema, result.applied().size(), result.status(), false, started, start);
		}
		catch (RuntimeException ex) {
			String error = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			logger.log(System.Logger.Level.ERROR, "Migrate failed on tenant schema " + schema + ": " + error, ex);
			return new SchemaOutcome(schema, false, 0, 0, 0, 0, null, false, started,
					Duration.ofNanos(System.nanoTime() - start), error);
		}
	}

	private void createIfMissing(String schema) {
		try (Connection connection = this.dataSource.getConnection()) {
			try (ResultSet existing = connection.getMetaData().getSchemas(null, schema.replace("_", "\\_"))) {
				while (existing.next()) {
					if (schema.equals(existing.getString("TABLE_SCHEM"))) {
						return;
					}
				}
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute(Dialects.forConnection(connection).createSchemaIfMissing(schema));
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Cannot create the tenant schema " + schema + ": " + ex.getMessage(), ex);
		}
	}

	private static SchemaOutcome outcome(String schema, int applied, MigrationStatus status, boolean unchanged,
			Instant started, long start) {
		return new SchemaOutcome(schema, true, applied, status.applied().size(), status.applicable().size(),
				status.heldBack().size(), status.current(), unchanged, started,
				Duration.ofNanos(System.nanoTime() - start), null);
	}

}
