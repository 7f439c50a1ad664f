package dev.migrate.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.migrate.autoconfigure.MigrateProperties;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Health over HTTP after a migration run that failed. A failed run at startup stops the
 * application (nothing would serve the health), so the application starts with
 * {@code migrate.mode=none} and the test then runs the migration the way startup does,
 * through the initializer, against a changelog that is not there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag(PostgresTest.TAG)
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
@DirtiesContext
class ExampleFailedRunHealthTests {

	private static final TestDatabase database = TestPostgres.createDatabase();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("migrate.mode", () -> "none");
		// The schema is made by the failed run's predecessor below, not by Hibernate.
		registry.add("spring.jpa.hibernate.ddl-auto", () -> "none");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void reportsAFailedRunAsDownWithItsError() throws Exception {
		assertThat(get("/actuator/health").statusCode()).as("before any run").isEqualTo(200);
		MigrateProperties properties = this.context.getBean(MigrateProperties.class);
		properties.setMode(MigrateProperties.Mode.APPLY);
		properties.setChangelog("db/migrate/missing.yaml");
		InitializingBean initializer = (InitializingBean) this.context.getBean("migrateInitializer");
		assertThat(catchThrowable(initializer::afterPropertiesSet)).hasMessageContaining("db/migrate/missing.yaml");

		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("DOWN");
		JsonNode migrate = health.at("/components/migrate");
		assertThat(migrate.get("status").asString()).isEqualTo("DOWN");
		assertThat(migrate.at("/details/lastRun/mode").asString()).isEqualTo("APPLY");
		assertThat(migrate.at("/details/lastRun/successful").asBoolean()).isFalse();
		assertThat(migrate.at("/details/lastRun/applied").asInt()).isZero();
		assertThat(migrate.at("/details/lastRun/error").asString())
			.startsWith("Migrate found no master changelog classpath:db/migrate/missing.yaml");

		JsonNode report = this.json.readTree(get("/actuator/migrate").body());
		assertThat(report.at("/lastRun/successful").asBoolean()).isFalse();
		assertThat(report.at("/lastRun/error").asString()).isEqualTo(migrate.at("/details/lastRun/error").asString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
