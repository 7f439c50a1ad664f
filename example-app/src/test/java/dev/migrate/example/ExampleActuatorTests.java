package dev.migrate.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrate} and {@code /actuator/health} as a client receives them: the
 * JSON over HTTP, field by field, after the example's first start on an empty database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag(PostgresTest.TAG)
class ExampleActuatorTests {

	private static final TestDatabase database = TestPostgres.createDatabase();

	private static final String CREATE = "20261122091200_create_users_and_posts.yaml";

	private static final String BIO = "20261122091231_add_user_bio.yaml";

	private static final String SUMMARY = "20261203104500_add_post_summary.yaml";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.jdbcUrl() + "?ApplicationName=example");
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		registry.add("migrate.mode", () -> "apply");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void servesTheMigrationReportAsJson() throws Exception {
		JsonNode report = comparedReport();
		assertThat(fieldNames(report)).containsExactlyInAnyOrder("database", "mode", "lastRun", "checked", "error",
				"applied", "pending", "blocked", "drift", "possibleRenames", "unmapped", "schemas", "instances");
		JsonNode server = report.get("database");
		assertThat(fieldNames(server)).containsExactlyInAnyOrder("product", "version", "url", "user");
		assertThat(server.get("product").asString()).isEqualTo("PostgreSQL");
		assertThat(server.get("version").asString()).isEqualTo(database.server().version());
		assertThat(server.get("url").asString()).as("without its parameters").isEqualTo(database.jdbcUrl());
		assertThat(server.get("user").asString()).isEqualTo(database.user());
		assertThat(report.get("mode").asString()).isEqualTo("apply");
		JsonNode lastRun = report.get("lastRun");
		assertThat(fieldNames(lastRun)).containsExactlyInAnyOrder("mode", "started", "duration", "successful",
				"generated", "applied", "error");
		assertThat(lastRun.get("mode").asString()).isEqualTo("APPLY");
		assertThat(Instant.parse(lastRun.get("started").asString())).isBefore(Instant.now());
		assertThat(Duration.parse(lastRun.get("duration").asString())).isPositive();
		assertThat(lastRun.get("successful").asBoolean()).isTrue();
		assertThat(lastRun.get("generated").isNull()).isTrue();
		assertThat(lastRun.get("applied").asInt()).isEqualTo(3);
		assertThat(lastRun.get("error").isNull()).isTrue();
		assertThat(Instant.parse(report.get("checked").asString()))
			.isAfterOrEqualTo(Instant.parse(lastRun.get("started").asString()));
		assertThat(report.get("error").isNull()).isTrue();
		assertThat(report.get("applied")).hasSize(3);
		assertRevision(report.get("applied").get(0), CREATE, "20261122091200-1");
		assertRevision(report.get("applied").get(1), BIO, "20261122091231-1");
		assertRevision(report.get("applied").get(2), SUMMARY, "20261203104500-1");
		assertThat(report.get("pending").isArray()).isTrue();
		assertThat(report.get("pending")).isEmpty();
		assertThat(report.get("blocked")).isEmpty();
		assertThat(report.get("drift").isArray()).isTrue();
		assertThat(report.get("drift")).isEmpty();
		assertThat(report.get("possibleRenames")).isEmpty();
		assertThat(report.get("schemas").isNull()).as("no tenant schemas").isTrue();
		assertThat(report.get("instances").isNull()).as("no migrate.instances").isTrue();
	}

	@Test
	void servesTheMigrateHealthComponentWithItsDetails() throws Exception {
		comparedReport();
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode migrate = health.at("/components/migrate");
		assertThat(migrate.get("status").asString()).isEqualTo("UP");
		JsonNode details = migrate.get("details");
		assertThat(fieldNames(details)).containsExactlyInAnyOrder("lastRun", "pending", "heldBack", "current", "drift",
				"checked");
		assertThat(details.at("/lastRun/successful").asBoolean()).isTrue();
		assertThat(details.at("/lastRun/applied").asInt()).isEqualTo(3);
		assertThat(details.get("pending").asInt()).isZero();
		assertThat(details.get("heldBack").asInt()).isZero();
		assertThat(details.get("current").asString()).isEqualTo(SUMMARY);
		assertThat(details.get("drift").asInt()).isZero();
		assertThat(Instant.parse(details.get("checked").asString())).isBefore(Instant.now());
	}

	/** The report once entities and database have been compared (after startup). */
	private JsonNode comparedReport() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			HttpResponse<String> response = get("/actuator/migrate");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode report = this.json.readTree(response.body());
			if (!report.get("drift").isNull() || System.nanoTime() > deadline) {
				return report;
			}
			Thread.sleep(100);
		}
	}

	private static void assertRevision(JsonNode revision, String name, String changeSet) {
		assertThat(fieldNames(revision)).containsExactlyInAnyOrder("revision", "changeSets");
		assertThat(revision.get("revision").asString()).isEqualTo(name);
		assertThat(revision.get("changeSets")).hasSize(1);
		assertThat(revision.get("changeSets").get(0).asString()).isEqualTo(changeSet);
	}

	private static java.util.List<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
