package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.autoconfigure.app.v1.PeopleApplication;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code migrate.*} options that shape revisions and runs, each through full starts
 * of a JPA application on a real PostgreSQL: {@code format}, {@code online},
 * {@code lock.timeout}, {@code diff.include-tables} and {@code diff.exclude-tables}.
 */
@PostgresTest
class MigrateOptionsApplicationTests {

	@TempDir
	Path source;

	@ParameterizedTest
	@EnumSource(ChangelogFormat.class)
	void writesAppliesAndRollsBackRevisionsInTheConfiguredFormat(ChangelogFormat format) throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		String formatProperty = "migrate.format=" + format.name().toLowerCase();
		try (TestDatabase database = TestPostgres.createDatabase()) {
			starts.builder(PeopleApplication.class, database, "migrate.mode=auto", formatProperty).run().close();
			database.execute("INSERT INTO person (id, full_name) VALUES (1, 'Ada')");
			starts
				.builder(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database, "migrate.mode=auto",
						formatProperty)
				.run()
				.close();
			assertThat(starts.revisions()).extracting((revision) -> revision.getFileName().toString())
				.satisfiesExactly((create) -> assertThat(create).endsWith("_create_person." + format.extension()),
						(add) -> assertThat(add).endsWith("_add_person_bio." + format.extension()));
			String bio = Files.readString(starts.revisions().get(1));
			assertThat(bio).contains(switch (format) {
				case YAML -> "addColumn:";
				case XML -> "<addColumn";
				case SQL -> "-- liquibase formatted sql";
			}).contains("bio");
			assertThat(column(database, "bio")).isTrue();

			AtomicInteger exitCode = new AtomicInteger(-1);
			Throwable exit = catchThrowable(() -> starts
				.builder(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database,
						"migrate.command=downgrade", formatProperty)
				.initializers(
						(context) -> context.getBeanFactory().registerSingleton("testExit", (MigrateExit) (code) -> {
							exitCode.set(code);
							throw new MigrateApplicationTests.ExitCalled();
						}))
				.run());
			assertThat(exit).hasRootCauseInstanceOf(MigrateApplicationTests.ExitCalled.class);
			assertThat(exitCode).hasValue(0);
			assertThat(column(database, "bio")).as("rolled back from the %s revision", format).isFalse();
			assertThat(database.queryForString("SELECT full_name FROM person WHERE id = 1")).isEqualTo("Ada");
		}
	}

	@Test
	void buildsIndexesOfExistingTablesConcurrentlyOutsideATransactionByDefault() throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			starts.builder(PeopleApplication.class, database, "migrate.mode=auto").run().close();
			database.execute("INSERT INTO person (id, full_name) VALUES (1, 'Ada')");
			try (ConfigurableApplicationContext context = starts
				.builder(dev.migrate.autoconfigure.app.indexed.PeopleApplication.class, database, "migrate.mode=auto")
				.run()) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().applied()).isEqualTo(1);
			}
			String revision = Files.readString(starts.revisions().get(1));
			assertThat(revision).contains("CREATE INDEX CONCURRENTLY").contains("runInTransaction: false");
			assertThat(database.queryForString("""
					SELECT string_agg(c.relname || ':' || i.indisvalid, ',') FROM pg_index i
					JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
					WHERE t.relname = 'person' AND NOT i.indisprimary""")).matches("\\w+:true");
		}
	}

	@Test
	void createsTheIndexesOfANewTableWithItInsideATransactionByDefault() throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			starts.builder(dev.migrate.autoconfigure.app.indexed.PeopleApplication.class, database, "migrate.mode=auto")
				.run()
				.close();
			assertThat(starts.revisions()).hasSize(1);
			String revision = Files.readString(starts.revisions().get(0));
			assertThat(revision).contains("createTable:")
				.contains("createIndex:")
				.doesNotContain("CONCURRENTLY")
				.doesNotContain("NOT VALID")
				.doesNotContain("runInTransaction: false");
		}
	}

	@Test
	void writesPlainDdlForExistingTablesWhenOnlineIsFalse() throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			starts.builder(PeopleApplication.class, database, "migrate.mode=auto", "migrate.diff.online=false")
				.run()
				.close();
			starts
				.builder(dev.migrate.autoconfigure.app.indexed.PeopleApplication.class, database, "migrate.mode=auto",
						"migrate.diff.online=false")
				.run()
				.close();
			String revision = Files.readString(starts.revisions().get(1));
			assertThat(revision).contains("createIndex:")
				.doesNotContain("CONCURRENTLY")
				.doesNotContain("runInTransaction: false");
		}
	}

	@Test
	void givesUpWaitingForAnotherInstancesMigrationAfterTheLockTimeout() throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (TestDatabase database = TestPostgres.createDatabase(); Connection other = database.connect()) {
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + RunnerOptions.DEFAULT_LOCK_KEY + ")");
			}
			long start = System.nanoTime();
			Throwable failure = catchThrowable(() -> starts
				.builder(PeopleApplication.class, database, "migrate.mode=auto", "migrate.lock.timeout=2s")
				.run());
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(failure).hasStackTraceContaining("Timed out after 2s waiting for the migration lock");
			assertThat(waited).as("bounded by migrate.lock.timeout, not the default minute")
				.isBetween(Duration.ofSeconds(2), Duration.ofSeconds(30));
			assertThat(database.queryForString("SELECT to_regclass('person') IS NULL")).isEqualTo("t");
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_advisory_unlock(" + RunnerOptions.DEFAULT_LOCK_KEY + ")");
			}
			starts.builder(PeopleApplication.class, database, "migrate.mode=auto", "migrate.lock.timeout=2s")
				.run()
				.close();
			assertThat(database.queryForString("SELECT to_regclass('person') IS NOT NULL")).isEqualTo("t");
		}
	}

	@Test
	void dropsOnlyTheUnmappedTablesThatAreIncludedAndNotExcluded() throws Exception {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			database.execute("CREATE TABLE legacy_audit (id int PRIMARY KEY); CREATE TABLE legacy_keep (id int);"
					+ " CREATE TABLE reporting (id int)");
			starts
				.builder(PeopleApplication.class, database, "migrate.mode=auto", "migrate.diff.allow-destructive=true",
						"migrate.diff.include-tables=public.legacy_*", "migrate.diff.exclude-tables=legacy_keep")
				.run()
				.close();
			assertThat(Files.readString(starts.revisions().get(0))).contains("legacy_audit")
				.doesNotContain("legacy_keep")
				.doesNotContain("reporting");
			assertThat(database.queryForString("""
					SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class
					WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
					AND relname NOT LIKE 'databasechangelog%'""")).isEqualTo("legacy_keep,person,reporting");
		}
	}

	private static boolean column(TestDatabase database, String name) {
		return "1".equals(database.queryForString(
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'person' AND column_name = '" + name
						+ "'"));
	}

}
