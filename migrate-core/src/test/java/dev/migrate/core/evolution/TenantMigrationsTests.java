package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.tenant.SchemaOutcome;
import dev.migrate.core.tenant.TenantMigrations;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One changelog, generated against {@code public}, applied to many tenant schemas: one
 * history and one advisory lock per schema.
 */
@PostgresTest
class TenantMigrationsTests {

	private static final List<String> TENANTS = List.of("tenant_a", "tenant_b", "tenant_c");

	@Test
	void migratesEveryTenantSchemaWithItsOwnHistoryAndASecondRunAppliesNothing() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(authorsAndBooks(false), DiffOptions.defaults(), "create");
			Map<String, SchemaOutcome> first = tenants(workspace, RunnerOptions.defaults()).upgrade(TENANTS);
			assertThat(first).containsOnlyKeys(TENANTS);
			assertThat(first.values()).allSatisfy((outcome) -> {
				assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error()).isTrue();
				assertThat(outcome.applied()).isPositive();
				assertThat(outcome.unchanged()).isFalse();
			});
			for (String tenant : TENANTS) {
				assertThat(database.queryForString("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
						+ " WHERE schemaname = '" + tenant + "'"))
					.isEqualTo("author,book,databasechangelog,databasechangeloglock");
				assertThat(database.queryForString("SELECT count(*) FROM " + tenant + ".databasechangelog"))
					.isEqualTo(String.valueOf(first.get(tenant).applied()));
				assertThat(database.queryForString("SELECT confrelid::regclass::text FROM pg_constraint"
						+ " WHERE contype = 'f' AND conrelid = '" + tenant + ".book'::regclass"))
					.isEqualTo(tenant + ".author");
			}
			assertThat(database.queryForString("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
				.as("the template schema is left alone")
				.isEqualTo("0");
			Map<String, SchemaOutcome> second = tenants(workspace, RunnerOptions.defaults()).upgrade(TENANTS);
			assertThat(second.values()).allSatisfy((outcome) -> {
				assertThat(outcome.successful()).isTrue();
				assertThat(outcome.applied()).isZero();
				assertThat(outcome.unchanged()).as("found without Liquibase").isTrue();
				assertThat(outcome.revisions()).isEqualTo(1);
			});
		}
	}

	@Test
	void aNewRevisionIsAppliedToEveryTenant() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(authorsAndBooks(false), DiffOptions.defaults(), "create");
			workspace.runner().upgrade();
			tenants(workspace, RunnerOptions.defaults()).upgrade(TENANTS);
			// Online: the index is built by SQL naming public.author, which each tenant
			// runs on its own table.
			workspace.generate(authorsAndBooks(true), DiffOptions.defaults().withOnline(true), "add bio");
			Map<String, SchemaOutcome> outcomes = tenants(workspace, RunnerOptions.defaults()).upgrade(TENANTS);
			assertThat(outcomes.values()).allSatisfy((outcome) -> {
				assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error()).isTrue();
				assertThat(outcome.applied()).isPositive();
				assertThat(outcome.revisions()).isEqualTo(2);
				assertThat(outcome.pending()).isZero();
			});
			for (String tenant : TENANTS) {
				assertThat(database.queryForString("SELECT data_type FROM information_schema.columns"
						+ " WHERE table_schema = '" + tenant + "' AND table_name = 'author' AND column_name = 'bio'"))
					.isEqualTo("text");
				assertThat(database.queryForString("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + tenant
						+ "' AND tablename = 'author' AND indexdef LIKE '%(bio)%'"))
					.isEqualTo("1");
			}
			assertThat(database.queryForString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"
					+ " AND tablename = 'author' AND indexdef LIKE '%(bio)%'"))
				.as("the template's index, built once by the template's own run")
				.isEqualTo("0");
		}
	}

	@Test
	void aFailingTenantIsReportedWhileTheOthersAreMigrated() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(authorsAndBooks(false), DiffOptions.defaults(), "create");
			database.execute("CREATE SCHEMA tenant_b; CREATE TABLE tenant_b.author (name text)");
			Map<String, SchemaOutcome> outcomes = tenants(workspace, RunnerOptions.defaults()).upgrade(TENANTS);
			assertThat(outcomes.get("tenant_b").successful()).isFalse();
			assertThat(outcomes.get("tenant_b").error()).contains("author");
			assertThat(List.of(outcomes.get("tenant_a"), outcomes.get("tenant_c"))).allSatisfy((outcome) -> {
				assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error()).isTrue();
				assertThat(outcome.revisions()).isEqualTo(1);
			});
			assertThat(database.queryForString("SELECT count(*) FROM tenant_c.book")).isEqualTo("0");
		}
	}

	@Test
	void runsOnDifferentSchemasHoldTheirOwnLocksAtOnce() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			database.execute("CREATE SCHEMA gate; CREATE TABLE gate.gate (id int)");
			Files.createDirectories(workspace.changesDirectory());
			Files.writeString(workspace.changesDirectory().resolve("20260101000000_wait.yaml"), """
					databaseChangeLog:
					- changeSet:
					    id: wait
					    author: test
					    changes:
					    - sql:
					        sql: LOCK TABLE gate.gate IN ACCESS SHARE MODE
					""");
			List<String> tenants = List.of("tenant_a", "tenant_b");
			String[] keys = tenants.stream()
				.map(RunnerOptions::lockKey)
				.map((key) -> "(" + (key >>> 32) + ", " + (key & 0xffffffffL) + ")")
				.toArray(String[]::new);
			try (Connection gate = database.connect()) {
				gate.setAutoCommit(false);
				try (Statement statement = gate.createStatement()) {
					statement.execute("LOCK TABLE gate.gate IN ACCESS EXCLUSIVE MODE");
				}
				CompletableFuture<Map<String, SchemaOutcome>> run = CompletableFuture
					.supplyAsync(() -> tenants(workspace,
							RunnerOptions.defaults().withStatementLockTimeout(Duration.ofMinutes(1)))
						.upgrade(tenants));
				String both = "SELECT count(DISTINCT pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
						+ " AND (classid::bigint, objid::bigint) IN (" + String.join(", ", keys) + ")";
				String waiting = "SELECT count(*) FROM pg_locks WHERE relation = 'gate.gate'::regclass AND NOT granted";
				long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
				while (System.nanoTime() < deadline && !("2".equals(database.queryForString(both))
						&& "2".equals(database.queryForString(waiting)))) {
					Thread.sleep(50);
				}
				assertThat(database.queryForString(both)).as("sessions holding a tenant's advisory lock")
					.isEqualTo("2");
				assertThat(database.queryForString(waiting)).as("tenant runs inside their changeset").isEqualTo("2");
				gate.commit();
				assertThat(run.get(2, TimeUnit.MINUTES).values()).allSatisfy((outcome) -> {
					assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error()).isTrue();
					assertThat(outcome.applied()).isEqualTo(1);
				});
			}
		}
	}

	@Test
	void aBaselineIsRecordedInTenantsThatHaveItsTablesAndRunInThoseThatDoNot() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			database.execute("CREATE TABLE author (id bigint PRIMARY KEY, name text)");
			database.execute("CREATE SCHEMA tenant_a");
			database.execute("CREATE TABLE tenant_a.author (id bigint PRIMARY KEY, name text)");
			database.execute("INSERT INTO tenant_a.author VALUES (1, 'kept')");
			Schema desired = schema().table("author", (t) -> t.id().column("name", "text")).build();
			workspace.migrate(database, desired)
				.baseline(workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "baseline",
						ChangelogFormat.YAML)
				.orElseThrow();
			// The template (public) has the tables: a guard that looked there would
			// record
			// the baseline as applied in the new tenant too, which would then have none.
			Map<String, SchemaOutcome> outcomes = tenants(workspace, RunnerOptions.defaults())
				.upgrade(List.of("tenant_a", "tenant_b"));
			assertThat(outcomes.values())
				.allSatisfy((outcome) -> assertThat(outcome.successful()).as(outcome.schema() + ": " + outcome.error())
					.isTrue());
			assertThat(database.queryForString("SELECT exectype FROM tenant_a.databasechangelog"))
				.isEqualTo("MARK_RAN");
			assertThat(database.queryForString("SELECT name FROM tenant_a.author")).isEqualTo("kept");
			assertThat(database.queryForString("SELECT exectype FROM tenant_b.databasechangelog"))
				.isEqualTo("EXECUTED");
			assertThat(database.queryForString("SELECT to_regclass('tenant_b.author') IS NOT NULL")).isEqualTo("t");
		}
	}

	private static Schema authorsAndBooks(boolean bio) {
		return schema().table("author", (t) -> {
			t.id().column("name", "text");
			return bio ? t.column("bio", "text").index("bio") : t;
		})
			.table("book",
					(t) -> t.id()
						.column("title", "text")
						.column("author_id", "bigint")
						.index("title")
						.foreignKey("author_id", "author", "id", ForeignKey.Action.NO_ACTION))
			.build();
	}

	private static TenantMigrations tenants(Workspace workspace, RunnerOptions options) {
		return new TenantMigrations(workspace.database().dataSource(), MasterChangelog.DEFAULT_PATH,
				ChangelogFiles.inDirectory(workspace.root()), options, "public", 4);
	}

}
