package dev.migrate.example;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged example application, started with {@code java -jar} as a process of its
 * own the way the README says, on its development-only embedded PostgreSQL: it migrates
 * and serves its status over HTTP, and a restart with nothing changed generates and
 * applies nothing.
 */
class ExampleApplicationJarTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void startsOnAnEmbeddedDatabaseThenRestartsWithNothingToDo() throws Exception {
		Path sources = copyOfTheSourceResources();
		List<Path> committed = revisions(sources);
		assertThat(committed).hasSize(3);
		String postgresUrl;
		try (ExampleProcess app = ExampleProcess.start(jar(), this.work, "first-start",
				"--example.embedded-database.directory=" + this.work.resolve("postgres"),
				"--migrate.source-directory=" + sources)) {
			assertThat(app.output()).contains("No spring.datasource.url is set: started an embedded PostgreSQL");
			JsonNode report = get(app, "/actuator/migrate");
			assertThat(report.at("/mode").asString()).isEqualTo("auto");
			assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
			// A development run from the jar writes nothing: the jar reads the entities
			// as
			// the committed revisions have them, Bean Validation's column lengths
			// included
			// (posts.summary is varchar(300) from @Size, not 255).
			assertThat(report.at("/lastRun/generated").isNull()).isTrue();
			assertThat(report.at("/lastRun/applied").asInt()).isPositive();
			assertThat(report.at("/applied").findValuesAsString("revision"))
				.containsExactlyElementsOf(fileNames(committed));
			assertThat(report.at("/pending")).isEmpty();
			assertThat(report.at("/drift")).isEmpty();
			postgresUrl = report.at("/database/url").asString();
			assertThat(postgresUrl).startsWith("jdbc:postgresql://localhost:");
			assertThat(get(app, "/actuator/health").at("/components/migrate/status").asString()).isEqualTo("UP");
		}
		assertThat(accepts(postgresUrl)).as("the embedded PostgreSQL stops with the application").isFalse();
		try (ExampleProcess app = ExampleProcess.start(jar(), this.work, "restart",
				"--example.embedded-database.directory=" + this.work.resolve("postgres"),
				"--migrate.source-directory=" + sources)) {
			JsonNode report = get(app, "/actuator/migrate");
			assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
			assertThat(report.at("/lastRun/generated").isNull()).isTrue();
			assertThat(report.at("/lastRun/applied").asInt()).isZero();
			assertThat(report.at("/applied").findValuesAsString("revision")).hasSize(3);
			assertThat(app.output()).as("a restart with nothing new does not initialize Liquibase")
				.contains("nothing changed since the last run (checked without Liquibase)")
				.doesNotContainPattern("\\[\\s*main\\] liquibase");
			assertThat(report.at("/pending")).isEmpty();
			assertThat(get(app, "/actuator/health").at("/status").asString()).isEqualTo("UP");
		}
		assertThat(revisions(sources)).as("nothing new was generated").isEqualTo(committed);
	}

	private JsonNode get(ExampleProcess app, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private Path copyOfTheSourceResources() throws IOException {
		Path original = Path.of(System.getProperty("example.sources", "src/main/resources"));
		Path copy = this.work.resolve("resources");
		try (Stream<Path> files = Files.walk(original)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(original.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		return copy;
	}

	private static List<Path> revisions(Path sources) throws IOException {
		try (Stream<Path> files = Files.list(sources.resolve("db/migrate/changes"))) {
			return files.sorted().toList();
		}
	}

	private static List<String> fileNames(List<Path> files) {
		return files.stream().map((file) -> file.getFileName().toString()).toList();
	}

	private static boolean accepts(String jdbcUrl) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Path jar() {
		Path jar = Path.of(System.getProperty("example.jar", "target/example-app.jar"));
		assertThat(jar).as("the packaged example (run through 'verify', after 'package')").exists();
		return jar;
	}

}
