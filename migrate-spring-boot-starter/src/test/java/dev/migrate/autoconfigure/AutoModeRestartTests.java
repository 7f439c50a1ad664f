package dev.migrate.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.app.v1.PeopleApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

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

	private ConfigurableApplicationContext start(TestDatabase database) throws Exception {
		// The revisions written to the source folder are on the classpath too, as after a
		// build.
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.source.toUri().toURL() },
				getClass().getClassLoader());
		return new SpringApplicationBuilder(PeopleApplication.class).web(WebApplicationType.NONE)
			.resourceLoader(new DefaultResourceLoader(classLoader))
			.properties(
					"spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
					"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password(), "spring.jpa.hibernate.ddl-auto=validate",
					"spring.jpa.open-in-view=false", "migrate.source-directory=" + this.source, "migrate.mode=auto",
					"migrate.development=true")
			.run();
	}

	private List<Path> revisions() throws Exception {
		Path changes = this.source.resolve("db/migrate/changes");
		try (Stream<Path> files = Files.list(changes)) {
			return files.toList();
		}
	}

}
