package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.autoconfigure.app.data.r2dbc.v1.Note;
import dev.migrate.autoconfigure.app.data.r2dbc.v1.NotesApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application with Spring Data R2DBC records, no JPA entity and no JDBC
 * property: Migrate reads the desired schema from the records.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class DataR2dbcApplicationTests {

	@TempDir
	Path source;

	@Test
	void createsEvolvesAndChecksTheTablesOfSpringDataR2dbcRecords(TestDatabase database) {
		PeopleStarts starts = new PeopleStarts(this.source);
		try (ConfigurableApplicationContext context = start(NotesApplication.class, database)) {
			assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
			assertThat(context.getBeansOfType(javax.sql.DataSource.class)).as("no JDBC data source").isEmpty();
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).endsWith("_create_note_and_note_attachment.yaml");
			assertThat(run.applied()).as("the generated revision").isPositive();
			R2dbcEntityTemplate template = context.getBean(R2dbcEntityTemplate.class);
			Note saved = template.insert(new Note(null, "hello", Instant.now(), List.of("a", "b"), null)).block();
			assertThat(saved.id()).as("an identity column").isNotNull();
			assertThat(template.select(Note.class).all().collectList().block()).singleElement()
				.satisfies((note) -> assertThat(note.tags()).containsExactly("a", "b"));
		}
		assertThat(starts.revisions()).hasSize(1);
		try (ConfigurableApplicationContext context = start(NotesApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).isNull();
			assertThat(run.applied()).isZero();
			MigrateStatus status = context.getBean(MigrateStatusMonitor.class).refresh();
			assertThat(status.drift()).as("the status behind the endpoint and health")
				.isNotNull()
				.satisfies((drift) -> assertThat(drift.isEmpty()).isTrue());
			assertThat(status.hasApplicablePending()).isFalse();
		}
		assertThat(starts.revisions()).hasSize(1);
		try (ConfigurableApplicationContext context = start(
				dev.migrate.autoconfigure.app.data.r2dbc.v2.NotesApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).endsWith("_add_note_pinned.yaml");
			assertThat(run.applied()).isEqualTo(1);
		}
		assertThat(starts.revisions()).hasSize(2);
		assertThat(database.queryForString("SELECT data_type || ' ' || is_nullable || ' ' || column_default FROM "
				+ "information_schema.columns WHERE table_name = 'note' AND column_name = 'pinned'"))
			.as("NOT NULL, added to a table with a row thanks to its default")
			.isEqualTo("boolean NO false");
		AtomicInteger exit = new AtomicInteger(-1);
		start(dev.migrate.autoconfigure.app.data.r2dbc.v2.NotesApplication.class, database, exit,
				"migrate.command=check")
			.close();
		assertThat(exit).as("check's exit code").hasValue(0);
	}

	@Test
	void connectsThroughR2dbcConnectionDetailsWithAPoolUrlAndNeverShowsThePassword(CapturedOutput output) {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			connectsThroughR2dbcConnectionDetails(database, output);
		}
	}

	private void connectsThroughR2dbcConnectionDetails(TestDatabase database, CapturedOutput output) {
		String url = database.jdbcUrl().replace("jdbc:postgresql:", "r2dbc:pool:postgresql:");
		String password = "n0t-in-the-l0gs-" + System.nanoTime();
		// What a Testcontainers @ServiceConnection or Docker Compose service provides.
		R2dbcConnectionDetails details = () -> ConnectionFactoryOptions.parse(url)
			.mutate()
			.option(ConnectionFactoryOptions.USER, database.user())
			.option(ConnectionFactoryOptions.PASSWORD, password)
			.build();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotesApplication.class)
			.web(WebApplicationType.REACTIVE)
			.initializers((applicationContext) -> applicationContext.getBeanFactory()
				.registerSingleton("r2dbcConnectionDetails", details))
			.properties("server.port=0", "migrate.source-directory=" + this.source, "logging.level.dev.migrate=debug",
					"logging.level.liquibase=debug")
			.run()) {
			assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(ConnectionPool.class);
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.successful()).isTrue();
			assertThat(run.applied()).as("the generated revision").isPositive();
			assertThat(context.getBean(MigrateStatusMonitor.class).refresh().toString()).doesNotContain(password);
		}
		assertThat(output.getAll()).contains("Migrate").doesNotContain(password);
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database) {
		return start(application, database, new AtomicInteger(), "migrate.enabled=true");
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database, AtomicInteger exit,
			String property) {
		String url = database.jdbcUrl().replace("jdbc:postgresql:", "r2dbc:postgresql:");
		return new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
			.initializers(
					(context) -> context.getBeanFactory().registerSingleton("migrateExit", (MigrateExit) exit::set))
			.properties("server.port=0", "spring.r2dbc.url=" + url, "spring.r2dbc.username=" + database.user(),
					"spring.r2dbc.password=" + database.password(), "migrate.source-directory=" + this.source, property)
			.run();
	}

}
