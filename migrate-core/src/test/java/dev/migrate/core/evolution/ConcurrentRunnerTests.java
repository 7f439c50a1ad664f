package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances starting at once, and an instance killed while it migrates.
 */
@PostgresTest
class ConcurrentRunnerTests {

	@Test
	void eightConcurrentRunnersApplyEveryChangesetExactlyOnceAndAllFinish() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			TestSchemas.SchemaBuilder schema = schema();
			for (int i = 0; i < 5; i++) {
				String table = "t" + i;
				schema.table(table, (t) -> t.id().column("name", "text").index("name"));
				workspace.generate(schema.build(), DiffOptions.defaults(), "revision " + i);
				workspace.runner().upgrade();
			}
			workspace.runner().downgradeTo("base");
			int changeSets = workspace.runner()
				.status()
				.pending()
				.stream()
				.mapToInt((r) -> r.changeSets().size())
				.sum();
			ExecutorService executor = Executors.newFixedThreadPool(8);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<UpgradeResult>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return workspace.runner().upgrade();
				}));
			}
			start.countDown();
			int applied = 0;
			for (Future<UpgradeResult> result : results) {
				applied += result.get(2, TimeUnit.MINUTES).applied().size();
			}
			executor.shutdown();
			assertThat(applied).as("changesets applied over all runners").isEqualTo(changeSets);
			assertThat(database.queryForString("SELECT count(*) FROM databasechangelog"))
				.isEqualTo(String.valueOf(changeSets));
			assertThat(database.queryForString("SELECT count(DISTINCT id) FROM databasechangelog"))
				.isEqualTo(String.valueOf(changeSets));
			assertThat(database.queryForString("SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]$'"))
				.isEqualTo("5");
		}
	}

	@Test
	void aHolderWhoseConnectionIsTerminatedMidRunDoesNotBlockTheNextRun() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Files.createDirectories(workspace.changesDirectory());
			// Sleeps only in the first runner's session, so that it is killed mid-run.
			Files.writeString(workspace.changesDirectory().resolve("20260101000000_slow.yaml"),
					"""
							databaseChangeLog:
							- changeSet:
							    id: slow-1
							    author: test
							    changes:
							    - sql:
							        sql: SELECT pg_sleep(CASE WHEN current_setting('application_name') = 'victim' THEN 120 ELSE 0 END)
							    - createTable:
							        tableName: done
							        columns:
							        - column:
							            name: id
							            type: int
							""");
			PGSimpleDataSource victimSource = (PGSimpleDataSource) database.dataSource();
			victimSource.setApplicationName("victim");
			MigrationRunner victim = new MigrationRunner(victimSource, "db/migrate/changelog.yaml",
					ChangelogFiles.inDirectory(workspace.changesDirectory().getParent().getParent().getParent()),
					RunnerOptions.defaults());
			CompletableFuture<UpgradeResult> victimRun = CompletableFuture.supplyAsync(victim::upgrade);
			String pid = awaitSleepingVictim(database);
			assertThat(database.queryForString("SELECT count(*) FROM databasechangeloglock WHERE locked"))
				.as("the victim holds Liquibase's lock too")
				.isEqualTo("1");
			database.execute("SELECT pg_terminate_backend(" + pid + ")");
			UpgradeResult next = workspace.runner(RunnerOptions.defaults().withLockTimeout(Duration.ofSeconds(20)))
				.upgrade();
			assertThat(next.applied()).hasSize(1);
			assertThat(database.queryForString("SELECT to_regclass('done') IS NOT NULL")).isEqualTo("t");
			assertThat(victimRun).failsWithin(Duration.ofSeconds(30));
		}
	}

	private static String awaitSleepingVictim(TestDatabase database) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String pid = database.queryForString("SELECT coalesce(max(pid)::text, '') FROM pg_stat_activity"
					+ " WHERE application_name = 'victim' AND query LIKE '%pg_sleep%' AND state = 'active'");
			if (!pid.isEmpty()) {
				return pid;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the victim never started its slow changeset");
	}

}
