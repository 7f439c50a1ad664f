package dev.migrate.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application on a PostgreSQL server of the test harness's, named by
 * {@code spring.datasource.url} as a deployed application's would be.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag(PostgresTest.TAG)
class ExampleApplicationTests {

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
		// Run from the build's classes this is a development run; it must not write into
		// the example's source tree.
		registry.add("migrate.mode", () -> "apply");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void appliesEveryCommittedRevisionAndFindsNoDriftFromTheEntities() throws Exception {
		JsonNode report = get("/actuator/migrate", 200);
		assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
		assertThat(report.at("/applied").findValuesAsString("revision")).hasSize(3)
			.allMatch((revision) -> revision.matches("\\d{14}_[a-z0-9_]+\\.yaml"));
		assertThat(report.at("/pending")).isEmpty();
		assertThat(report.at("/blocked")).isEmpty();
		assertThat(report.at("/drift")).as("the committed changelog builds exactly the entities' schema").isEmpty();
		assertThat(database.queryForString("SELECT count(*) FROM databasechangelog")).isNotEqualTo("0");
	}

	@Test
	void reportsTheMigrationInHealth() throws Exception {
		JsonNode health = get("/actuator/health", 200);
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/migrate/status").asString()).isEqualTo("UP");
	}

	@Test
	void storesUsersAndPostsInTheMigratedSchema() throws Exception {
		JsonNode user = post("/users", "{\"username\":\"ada\",\"email\":\"ada@example.com\",\"bio\":\"Analyst\"}");
		long userId = user.at("/id").asLong();
		JsonNode created = post("/users/" + userId + "/posts", "{\"title\":\"Notes\",\"body\":\"On the engine\"}");
		JsonNode published = post("/posts/" + created.at("/id").asLong() + "/publish", "");
		assertThat(published.at("/status").asString()).isEqualTo("PUBLISHED");
		JsonNode posts = get("/users/" + userId + "/posts", 200);
		assertThat(posts.findValuesAsString("title")).containsExactly("Notes");
		assertThat(database.queryForString("SELECT bio FROM users WHERE username = 'ada'")).isEqualTo("Analyst");
		assertThat(get("/users/999999/posts", 404)).isNotNull();
	}

	@Test
	void startsNoEmbeddedDatabaseWhenADataSourceUrlIsSet() {
		assertThat(this.context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
		assertThat(this.context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(database.jdbcUrl());
	}

	private JsonNode get(String path, int expectedStatus) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return this.json.readTree(response.body());
	}

	private JsonNode post(String path, String body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
		return this.json.readTree(response.body());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
