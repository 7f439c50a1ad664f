package dev.migrate.benchmarks.tenants;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrate.benchmarks.LargeSchema;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.tenant.SchemaOutcome;
import dev.migrate.core.tenant.TenantMigrations;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * Migrates N tenant schemas of a fresh database (on the test PostgreSQL: embedded, or
 * {@code MIGRATE_TEST_POSTGRES_URL}) with {@link TenantMigrations}, in three phases, each
 * timed once: the first migration (one revision creating 20 tables like
 * {@link LargeSchema}'s), a second run with nothing pending, and a run after one new
 * revision (altering every tenth table). Then the same on M other schemas with a loop of
 * plain Liquibase {@code update}s, one schema after the other, as an application with a
 * {@code SpringLiquibase} per tenant runs them, on a schema-neutral copy of the same
 * revisions. Arguments: {@code --schemas=1000 --liquibase-schemas=100 --tables=20
 * --parallelism=4}.
 */
public final class TenantBenchmark {

	private TenantBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int schemas = option(args, "schemas", 1000);
		int liquibaseSchemas = option(args, "liquibase-schemas", 100);
		int tables = option(args, "tables", 20);
		int parallelism = option(args, "parallelism", 4);
		Path root = Files.createTempDirectory("migrate-tenant-benchmark");
		Path tenantRoot = root.resolve("tenant");
		Path neutralRoot = root.resolve("neutral");
		MasterChangelog.writeIfMissing(tenantRoot.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		MasterChangelog.writeIfMissing(neutralRoot.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		Dialect dialect = Dialects.postgresql();
		Schema empty = new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of());
		Schema created = LargeSchema.model(tables, false);
		Schema changed = LargeSchema.model(tables, true);
		Path changes = tenantRoot.resolve("db/migrate/changes");
		Path first = revision(dialect, empty, created, changes, "create", Instant.parse("2026-01-01T00:00:00Z"));
		try (TestDatabase database = TestPostgres.createDatabase();
				HikariDataSource pool = pool(database, parallelism)) {
			System.out.println("Server: " + server(database) + "; " + schemas + " schemas x " + tables
					+ " tables, parallelism " + parallelism);
			TenantMigrations migrations = new TenantMigrations(pool, MasterChangelog.DEFAULT_PATH,
					ChangelogFiles.inDirectory(tenantRoot), RunnerOptions.defaults(), "public", parallelism);
			List<String> names = names("tenant_", schemas);
			report("Migrate, first migration", migrations, names);
			report("Migrate, nothing pending", migrations, names);
			Path second = revision(dialect, created, changed, changes, "change", Instant.parse("2026-01-02T00:00:00Z"));
			report("Migrate, one new revision", migrations, names);
			report("Migrate, nothing pending after it", migrations, names);

			Path neutralChanges = neutralRoot.resolve("db/migrate/changes");
			Files.createDirectories(neutralChanges);
			neutral(first, neutralChanges);
			List<String> liquibaseNames = names("liquibase_", liquibaseSchemas);
			liquibaseLoop("Liquibase loop, first migration", pool, neutralRoot, liquibaseNames);
			liquibaseLoop("Liquibase loop, nothing pending", pool, neutralRoot, liquibaseNames);
			neutral(second, neutralChanges);
			liquibaseLoop("Liquibase loop, one new revision", pool, neutralRoot, liquibaseNames);
			liquibaseLoop("Liquibase loop, nothing pending after it", pool, neutralRoot, liquibaseNames);
			System.out.println("Tables in public (must be 0): "
					+ database.queryForString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
			System.out.println("Tenant tables: " + database.queryForString(
					"SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'tenant\\_%' AND tablename LIKE 'table\\_%'")
					+ ", Liquibase-loop tables: "
					+ database.queryForString(
							"SELECT count(*) FROM pg_tables WHERE schemaname LIKE 'liquibase\\_%' AND tablename LIKE 'table\\_%'")
					+ ", tenant columns named extra: "
					+ database.queryForString(
							"SELECT count(*) FROM information_schema.columns WHERE table_schema LIKE 'tenant\\_%' AND column_name = 'extra'")
					+ ", Liquibase-loop columns named extra: " + database.queryForString(
							"SELECT count(*) FROM information_schema.columns WHERE table_schema LIKE 'liquibase\\_%' AND column_name = 'extra'"));
		}
	}

	private static void report(String label, TenantMigrations migrations, List<String> names) {
		long start = System.nanoTime();
		Map<String, SchemaOutcome> outcomes = migrations.upgrade(names);
		long millis = (System.nanoTime() - start) / 1_000_000;
		long failed = outcomes.values().stream().filter((outcome) -> !outcome.successful()).count();
		long unchanged = outcomes.values().stream().filter(SchemaOutcome::unchanged).count();
		long applied = outcomes.values().stream().mapToLong(SchemaOutcome::applied).sum();
		long pending = outcomes.values().stream().mapToLong(SchemaOutcome::pending).sum();
		System.out.printf(Locale.ROOT,
				"%-45s %,8d ms for %d schemas (%.1f ms each): %d unchanged, %d changesets applied, %d pending, %d failed%n",
				label, millis, names.size(), (double) millis / names.size(), unchanged, applied, pending, failed);
		outcomes.values()
			.stream()
			.filter((outcome) -> !outcome.successful())
			.limit(3)
			.forEach((outcome) -> System.out.println("  " + outcome.schema() + ": " + outcome.error()));
	}

	private static void liquibaseLoop(String label, HikariDataSource pool, Path root, List<String> names)
			throws Exception {
		// Each phase stands for a new start of the application. Liquibase remembers, per
		// JVM, which schema it found up to date for a changelog path, whatever the
		// changelog holds since: without this, the phase after a new revision would find
		// every schema "up to date" and run nothing.
		Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
		long start = System.nanoTime();
		for (String name : names) {
			try (Connection connection = pool.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + name);
				}
				Scope.child(Map.of("liquibase.analytics.enabled", false), () -> {
					Database database = DatabaseFactory.getInstance()
						.findCorrectDatabaseImplementation(new JdbcConnection(connection));
					database.setDefaultSchemaName(name);
					Liquibase liquibase = new Liquibase(MasterChangelog.DEFAULT_PATH,
							new liquibase.resource.DirectoryResourceAccessor(root), database);
					liquibase.update();
				});
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf(Locale.ROOT, "%-45s %,8d ms for %d schemas (%.1f ms each)%n", label, millis, names.size(),
				(double) millis / names.size());
	}

	/**
	 * Copy a generated revision without its schema names, as a revision written for
	 * Liquibase's default schema would be.
	 */
	private static void neutral(Path revision, Path directory) throws IOException {
		String text = Files.readString(revision)
			.replaceAll("(?m)^\\s*(baseTableSchemaName|referencedTableSchemaName|schemaName): public\\n", "")
			.replace("public.", "");
		Files.writeString(directory.resolve(revision.getFileName()), text);
	}

	private static Path revision(Dialect dialect, Schema from, Schema to, Path changes, String message, Instant now)
			throws IOException {
		return new Revisions(dialect).generated(new SchemaDiffer(DiffOptions.defaults(), dialect).diff(from, to),
				changes, MasterChangelog.DEFAULT_CHANGES_DIRECTORY, message, now, ChangelogFormat.YAML);
	}

	private static HikariDataSource pool(TestDatabase database, int parallelism) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.jdbcUrl());
		config.setUsername(database.user());
		config.setPassword(database.password());
		config.setMaximumPoolSize(parallelism + 2);
		return new HikariDataSource(config);
	}

	private static List<String> names(String prefix, int count) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			names.add(prefix + i);
		}
		return names;
	}

	private static String server(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version(), current_setting('jit')")) {
			result.next();
			return result.getString(1) + ", jit=" + result.getString(2);
		}
	}

	private static int option(String[] args, String name, int fallback) {
		return Stream.of(args)
			.filter((arg) -> arg.startsWith("--" + name + "="))
			.map((arg) -> Integer.parseInt(arg.substring(name.length() + 3)))
			.findFirst()
			.orElse(fallback);
	}

}
