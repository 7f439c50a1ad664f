package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.migrate.autoconfigure.app.v1.PeopleApplication;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development restarts in auto mode: with the same entities, the same revisions and an
 * unchanged catalog, Migrate reads neither the revisions (Liquibase) nor the entities
 * (Hibernate) before startup; any of them changed, it takes the full path.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class AutoModeRestartTests {

	private static final String SHORTCUT = "nothing changed since the last run (checked without Liquibase)";

	@TempDir
	Path source;

	@Test
	void aRestartWithTheSameEntitiesSkipsLiquibaseAndHibernateAndComparesAfterStartup(CapturedOutput output)
			throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(database).close();
			assertThat(output.getOut()).doesNotContain(SHORTCUT);
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(database)) {
				assertThat(output.getOut().substring(before)).contains(SHORTCUT)
					.contains("drift compared after startup");
				MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
				assertThat(run.generated()).isNull();
				assertThat(run.applied()).isZero();
				MigrateStatus status = context.getBean(MigrateStatusMonitor.class).refresh();
				assertThat(status.drift()).isNotNull().satisfies((drift) -> assertThat(drift.isEmpty()).isTrue());
			}
			assertThat(revisions()).hasSize(1);
		}
	}

	@Test
	void aChangeMadeByHandIsTurnedIntoARevisionAtTheNextStartWithTheSameEntities(CapturedOutput output)
			throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(database).close();
			start(database).close();
			database.execute("ALTER TABLE person ALTER COLUMN full_name TYPE varchar(50)");
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(database)) {
				assertThat(output.getOut().substring(before)).doesNotContain(SHORTCUT);
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNotNull();
			}
			assertThat(revisions()).hasSize(2);
			assertThat(database.queryForString("SELECT character_maximum_length FROM information_schema.columns"
					+ " WHERE table_name = 'person' AND column_name = 'full_name'"))
				.isEqualTo("100");
		}
	}

	@Test
	void aRestartWithChangedEntitiesTakesTheFullPathAndWritesTheirRevision(CapturedOutput output) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(database).close();
			start(database).close();
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(
					dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database)) {
				assertThat(output.getOut().substring(before)).doesNotContain(SHORTCUT);
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNotNull();
			}
			assertThat(revisions()).hasSize(2);
		}
	}

	@Test
	void aRestartAfterATeammatesRevisionAppliesIt(CapturedOutput output) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(database).close();
			start(database).close();
			Files.writeString(this.source.resolve("db/migrate/changes/20990101000000_teammate.yaml"), """
					databaseChangeLog:
					- changeSet:
					    id: teammate-1
					    author: teammate
					    changes:
					    - sql:
					        sql: CREATE TABLE audit_log (id bigint PRIMARY KEY)
					""");
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(database)) {
				assertThat(output.getOut().substring(before)).doesNotContain(SHORTCUT);
				assertThat(context.getBean(MigrateInitializer.class).lastRun().applied()).isEqualTo(1);
			}
			assertThat(database.queryForString("SELECT to_regclass('audit_log') IS NOT NULL")).isEqualTo("t");
		}
	}

	@Test
	void driftFoundAfterAStartThatTrustedTheFingerprintsIsComparedAgainAtTheNextStart(CapturedOutput output)
			throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			// A source whose fingerprint stays the same while its schema changes: what a
			// fingerprint that misses an input would do.
			AtomicReference<String> entityPackage = new AtomicReference<>("dev.migrate.autoconfigure.app.v1");
			EntitySchemaSource lying = new EntitySchemaSource() {

				@Override
				public Schema desiredSchema() {
					return new ScannedEntitySchemaSource(List.of(entityPackage.get()), getClass().getClassLoader())
						.desiredSchema();
				}

				@Override
				public String fingerprint() {
					return "always-the-same";
				}

			};
			start(PeopleApplication.class, database, lying).close();
			entityPackage.set("dev.migrate.autoconfigure.app.v2");
			int before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database, lying)) {
				assertThat(output.getOut().substring(before)).contains(SHORTCUT);
				assertThat(context.getBean(MigrateStatusMonitor.class).refresh().drift().isEmpty()).isFalse();
			}
			before = output.getOut().length();
			try (ConfigurableApplicationContext context = start(PeopleApplication.class, database, lying)) {
				assertThat(output.getOut().substring(before)).doesNotContain(SHORTCUT);
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNotNull();
			}
			assertThat(revisions()).hasSize(2);
		}
	}

	private ConfigurableApplicationContext start(TestDatabase database) throws Exception {
		return start(PeopleApplication.class, database, null);
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database) throws Exception {
		return start(application, database, null);
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database,
			EntitySchemaSource entities) {
		SpringApplicationBuilder builder = new PeopleStarts(this.source).builder(application, database,
				"migrate.mode=auto", "migrate.development=true");
		if (entities != null) {
			builder.initializers((context) -> context.getBeanFactory().registerSingleton("entities", entities));
		}
		return builder.run();
	}

	private List<Path> revisions() {
		return new PeopleStarts(this.source).revisions();
	}

}
