package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.autoconfigure.app.r2dbc.NotesApplication;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An R2DBC-only application: no JDBC property, the JDBC connection for Liquibase comes
 * from the R2DBC connection options.
 */
@PostgresTest
class R2dbcApplicationTests {

	@TempDir
	Path source;

	@Test
	void migratesAnR2dbcOnlyApplicationWithoutAnyJdbcProperty(TestDatabase database) throws Exception {
		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(context.getBeansOfType(javax.sql.DataSource.class)).as("no JDBC data source").isEmpty();
			MigrateRun run = context.getBean(MigrateInitializer.class).lastRun();
			assertThat(run.successful()).isTrue();
			assertThat(run.generated()).endsWith("_migrate.yaml");
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			Long count = Mono.from(connectionFactory.create())
				.flatMapMany(
						(connection) -> Flux.from(connection.createStatement("SELECT count(*) FROM note").execute())
							.flatMap((result) -> result.map((row, metadata) -> row.get(0, Long.class)))
							.concatWith(Mono.from(connection.close()).then(Mono.empty())))
				.blockFirst();
			assertThat(count).as("the table exists for R2DBC").isZero();
		}
		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNull();
		}
		try (var files = Files.list(this.source.resolve("db/migrate/changes"))) {
			assertThat(files).hasSize(1);
		}
		assertThat(database.queryForString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'note'"))
			.isEqualTo("3");
	}

	private ConfigurableApplicationContext start(TestDatabase database) {
		String url = database.jdbcUrl().replace("jdbc:postgresql:", "r2dbc:postgresql:");
		return new SpringApplicationBuilder(NotesApplication.class).web(WebApplicationType.NONE)
			.properties("spring.r2dbc.url=" + url, "spring.r2dbc.username=" + database.user(),
					"spring.r2dbc.password=" + database.password(), "migrate.source-directory=" + this.source)
			.run();
	}

}
