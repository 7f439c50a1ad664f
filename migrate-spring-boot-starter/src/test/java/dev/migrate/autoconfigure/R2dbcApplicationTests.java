package dev.migrate.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.app.r2dbc.v1.NotesApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An R2DBC-only WebFlux application: no JDBC property, the JDBC connection for Liquibase
 * comes from the R2DBC connection options.
 */
@PostgresTest(database = PostgresTest.Scope.METHOD)
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class R2dbcApplicationTests {

	@TempDir
	Path source;

	@Test
	void migratesAnR2dbcOnlyWebFluxApplicationWithoutAnyJdbcProperty(TestDatabase database) throws Exception {
		try (ConfigurableApplicationContext context = start(NotesApplication.class, database)) {
			assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
			assertThat(context.getBeansOfType(javax.sql.DataSource.class)).as("no JDBC data source").isEmpty();
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.successful()).isTrue();
			assertThat(run.generated()).endsWith("_create_note.yaml");
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			Long count = Mono.from(connectionFactory.create())
				.flatMapMany(
						(connection) -> Flux.from(connection.createStatement("SELECT count(*) FROM note").execute())
							.flatMap((result) -> result.map((row, metadata) -> row.get(0, Long.class)))
							.concatWith(Mono.from(connection.close()).then(Mono.empty())))
				.blockFirst();
			assertThat(count).as("the table exists for R2DBC").isZero();
		}
		assertThat(database.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");
		try (ConfigurableApplicationContext context = start(NotesApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).isNull();
			assertThat(run.applied()).isZero();
		}
		assertThat(revisions()).hasSize(1);
		try (ConfigurableApplicationContext context = start(
				dev.migrate.autoconfigure.app.r2dbc.v2.NotesApplication.class, database)) {
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.generated()).endsWith("_add_note_pinned.yaml");
			assertThat(run.applied()).isEqualTo(1);
		}
		assertThat(revisions()).hasSize(2);
		assertThat(database.queryForString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'note'"))
			.isEqualTo("4");
	}

	@Test
	void refusesInstancesOfOtherDatabasesItCannotMigrateInsteadOfIgnoringThem(TestDatabase database) {
		assertThatException()
			.isThrownBy(() -> start(NotesApplication.class, database,
					"migrate.instances.customers.data-source=customersDataSource",
					"migrate.instances.customers.entity-packages=com.example.customers"))
			.havingRootCause()
			.withMessageContaining("migrate.instances names [customers]")
			.withMessageContaining("no JDBC DataSource")
			.withMessageContaining("Nothing was migrated");
		assertThat(database.queryForString("SELECT to_regclass('databasechangelog') IS NULL")).isEqualTo("t");
	}

	private List<Path> revisions() throws IOException {
		try (Stream<Path> files = Files.list(this.source.resolve("db/migrate/changes"))) {
			return files.toList();
		}
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database, String... more) {
		String url = database.jdbcUrl().replace("jdbc:postgresql:", "r2dbc:postgresql:");
		return new SpringApplicationBuilder(application).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "spring.r2dbc.url=" + url, "spring.r2dbc.username=" + database.user(),
					"spring.r2dbc.password=" + database.password(), "migrate.source-directory=" + this.source)
			.properties(more)
			.run();
	}

}
