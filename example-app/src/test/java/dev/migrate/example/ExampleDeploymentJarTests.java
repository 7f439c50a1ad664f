package dev.migrate.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.example.ExampleArchives.Layout;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The example deployed as a production team deploys it: the packaged application started
 * as processes of its own, from a folder that is not the repository, against a PostgreSQL
 * database with no schema, several at once, and killed in the middle of a migration.
 */
@Tag(PostgresTest.TAG)
class ExampleDeploymentJarTests {

	/**
	 * The tag of the deployment tests that also run on the older majors (the others, a
	 * process each, run on the default major only: see example-app's pom.xml).
	 */
	static final String EVERY_MAJOR = "every-major";

	private static final String SLOW_REVISION = "20261203120000_post_counts.yaml";

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	private TestDatabase database;

	@BeforeEach
	void createEmptyDatabase() {
		this.database = TestPostgres.createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	@Tag(ExampleDeploymentJarTests.EVERY_MAJOR)
	void appliesThePackagedRevisionsToAnEmptyDatabaseAndGeneratesNothingBesideASourceFolder() throws Exception {
		// A folder that looks like a project: a packaged application must not write here.
		Path resources = Files.createDirectories(this.work.resolve("src/main/resources"));
		try (ExampleProcess app = ExampleProcess.start(ExampleArchives.jar(), this.work, "first-start",
				ExampleProcess.datasource(this.database))) {
			JsonNode report = get(app, "/actuator/migrate");
			assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
			assertThat(report.at("/lastRun/generated").isNull()).isTrue();
			assertThat(report.at("/applied").findValuesAsString("revision")).containsExactlyElementsOf(committed());
			assertThat(report.at("/pending")).isEmpty();
			assertThat(get(app, "/actuator/health").at("/components/migrate/status").asString()).isEqualTo("UP");
			assertThat(awaitDriftCompared(app)).as("the revisions build exactly the entities' schema").isEmpty();
			assertThat(app.output())
				.contains("Migrate: public is at 20261203104500_add_post_summary.yaml (revisions: 3 applied, 0 pending,"
						+ " 0 held back; drift compared after startup)")
				.contains("auto mode generates revisions only in a development run");
			assertThat(app.output().split("HHH10001005: Database info", -1))
				.as("Hibernate's database info, logged once by JPA, not again by Migrate reading the entities")
				.hasSize(2);
		}
		try (Stream<Path> written = Files.walk(resources)) {
			assertThat(written).containsExactly(resources);
		}
		assertThat(readSchema(this.database)).isEqualTo(schemaOfTheCommittedRevisions());
	}

	@ParameterizedTest
	@EnumSource(Layout.class)
	void findsThePackagedRevisionsInEveryLayout(Layout layout) throws Exception {
		try (ExampleProcess app = ExampleProcess
			.launch(ExampleArchives.launch(layout, this.work), this.work, layout.name(),
					ExampleProcess.datasource(this.database))
			.awaitReady()) {
			assertThat(get(app, "/actuator/migrate").at("/applied").findValuesAsString("revision"))
				.containsExactlyElementsOf(committed());
		}
		assertThat(readSchema(this.database)).isEqualTo(schemaOfTheCommittedRevisions());
	}

	@Test
	void fourProcessesStartedAtOnceAllBecomeHealthyAndApplyEachChangesetOnce() throws Exception {
		List<ExampleProcess> apps = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				apps.add(ExampleProcess.launch(List.of("-jar", ExampleArchives.jar().toString()), this.work,
						"instance-" + i, ExampleProcess.datasource(this.database)));
			}
			int applied = 0;
			for (ExampleProcess app : apps) {
				app.awaitReady();
				assertThat(get(app, "/actuator/health").at("/components/migrate/status").asString()).isEqualTo("UP");
				JsonNode report = get(app, "/actuator/migrate");
				assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
				applied += report.at("/lastRun/applied").asInt();
			}
			assertThat(this.database.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("3");
			assertThat(this.database
				.queryForString("SELECT count(DISTINCT (filename, id, author)) FROM databasechangelog")).isEqualTo("3");
			assertThat(applied).as("changesets applied, over all instances").isEqualTo(3);
		}
		finally {
			for (ExampleProcess app : apps) {
				app.close();
			}
		}
	}

	@Test
	void aProcessKilledDuringASlowRevisionLeavesTheDatabaseConsistentAndTheNextStartFinishesIt() throws Exception {
		assumeTrue(noticesLostClients(), "the server cannot notice lost clients mid-statement on this platform");
		Path release = ExampleArchives.withClasspathFiles(this.work.resolve("release-2.jar"),
				Map.of("db/migrate/changes/" + SLOW_REVISION, slowRevision()));
		this.database.execute("ALTER DATABASE " + this.database.name() + " SET example.slow_seconds = 600");
		ExampleProcess killed = ExampleProcess.launch(List.of("-jar", release.toString()), this.work, "killed",
				ExampleProcess.datasource(this.database));
		awaitQuery("the slow revision runs", "SELECT count(*) > 0 FROM pg_stat_activity"
				+ " WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()", killed);
		killed.kill();
		assertThat(this.database
			.queryForString("SELECT string_agg(id, ',' ORDER BY orderexecuted)" + " FROM databasechangelog"))
			.isEqualTo("20261122091200-1,20261122091231-1,20261203104500-1");
		assertThat(this.database.queryForString("SELECT to_regclass('post_counts') IS NULL")).isEqualTo("t");
		assertThat(this.database.queryForString("SELECT locked FROM databasechangeloglock"))
			.as("Liquibase's own lock, left behind by the killed process")
			.isEqualTo("t");
		awaitQuery("the killed process's backend ends instead of sleeping on with the lock",
				"SELECT count(*) = 0 FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()",
				null);

		this.database.execute("ALTER DATABASE " + this.database.name() + " RESET example.slow_seconds");
		try (ExampleProcess app = ExampleProcess.start(release, this.work, "restart",
				ExampleProcess.datasource(this.database))) {
			JsonNode report = get(app, "/actuator/migrate");
			assertThat(report.at("/lastRun/successful").asBoolean()).isTrue();
			assertThat(report.at("/lastRun/applied").asInt()).isEqualTo(1);
			assertThat(Duration.parse(report.at("/lastRun/duration").asString()))
				.as("no wait for the killed process's locks")
				.isLessThan(Duration.ofSeconds(30));
			assertThat(report.at("/applied").findValuesAsString("revision")).endsWith(SLOW_REVISION);
		}
		assertThat(this.database.queryForString("SELECT count(*) FROM databasechangelog WHERE id = 'post-counts-1'"))
			.isEqualTo("1");
		assertThat(this.database.queryForString("SELECT to_regclass('post_counts') IS NOT NULL")).isEqualTo("t");
		assertThat(this.database.queryForString("SELECT locked FROM databasechangeloglock")).isEqualTo("f");
	}

	@Test
	void failsNamingTheChangelogAndHowItWasLookedUpWhenItIsNotOnTheClasspath() throws Exception {
		String output = failedStart(ExampleArchives.jar(), "missing-changelog",
				"--migrate.changelog=db/elsewhere/changelog.yaml");
		assertThat(output).contains("Migrate found no master changelog classpath:db/elsewhere/changelog.yaml")
			.contains("looked up with Spring's resource resolution");
	}

	@Test
	void failsNamingTheWhereItLookedWhenTheRevisionFolderIsEmpty() throws Exception {
		Path release = ExampleArchives.withClasspathFiles(this.work.resolve("empty-folder.jar"),
				Map.of("db/other/changelog.yaml", """
						databaseChangeLog:
						  - includeAll:
						      path: changes/
						      relativeToChangelogFile: true
						      errorIfMissingOrEmpty: false
						"""));
		// Twice: a failed start must not leave anything that lets the next one through.
		for (String attempt : List.of("empty-folder", "empty-folder-again")) {
			String output = failedStart(release, attempt, "--migrate.changelog=db/other/changelog.yaml");
			assertThat(output).as(attempt)
				.contains("Migrate found no revisions in the master changelog classpath:db/other/changelog.yaml")
				.contains("classpath*:db/other/changes/** (0 file(s) found)")
				.contains("the application has entities");
		}
		assertThat(this.database.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("0");
	}

	@Test
	void failsNamingTheFileLineAndColumnOfARevisionThatDoesNotParse() throws Exception {
		Path release = ExampleArchives.withClasspathFiles(this.work.resolve("broken.jar"),
				Map.of("db/migrate/changes/20261122091400_broken.yaml", """
						databaseChangeLog:
						  - changeSet:
						      id: broken-1
						      author: example
						      changes:
						        - sql: SELECT 1
						       - sql: SELECT 2
						"""));
		String output = failedStart(release, "broken");
		assertThat(output).contains("A revision of db/migrate/changelog.yaml cannot be read, nothing was applied")
			.contains("Syntax error in file db/migrate/changes/20261122091400_broken.yaml")
			.contains("line 7, column 8");
		assertThat(this.database.queryForString("SELECT to_regclass('users') IS NULL"))
			.as("nothing applied from a changelog that does not parse")
			.isEqualTo("t");
	}

	/**
	 * Whether the server can notice a lost client in the middle of a statement
	 * ({@code client_connection_check_interval}: PostgreSQL 14+, on Linux and a few other
	 * platforms).
	 */
	private boolean noticesLostClients() {
		try {
			this.database.execute("SET client_connection_check_interval = '1s'");
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private String failedStart(Path jar, String name, String... arguments) throws Exception {
		List<String> all = new ArrayList<>(List.of(ExampleProcess.datasource(this.database)));
		all.addAll(List.of(arguments));
		ExampleProcess app = ExampleProcess.launch(List.of("-jar", jar.toString()), this.work, name,
				all.toArray(String[]::new));
		assertThat(app.awaitExit()).isNotZero();
		return app.output();
	}

	private static String slowRevision() {
		return """
				# A hand-written data migration between generated revisions; it sleeps for
				# example.slow_seconds, a setting the test puts on the database.
				databaseChangeLog:
				  - changeSet:
				      id: post-counts-1
				      author: example
				      comment: Count each user's posts, slowly
				      changes:
				        - sql:
				            sql: >-
				              CREATE TABLE post_counts AS SELECT author_id, count(*) AS posts FROM posts GROUP BY author_id;
				              SELECT pg_sleep(coalesce(current_setting('example.slow_seconds', true), '0')::int)
				      rollback:
				        - sql: DROP TABLE post_counts
				""";
	}

	private JsonNode awaitDriftCompared(ExampleProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		JsonNode drift = get(app, "/actuator/migrate").at("/drift");
		while (drift.isNull() && System.nanoTime() < deadline) {
			Thread.sleep(200);
			drift = get(app, "/actuator/migrate").at("/drift");
		}
		assertThat(drift.isNull()).as("drift compared in the background after startup").isFalse();
		return drift;
	}

	private void awaitQuery(String what, String sql, ExampleProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!"t".equals(this.database.queryForString(sql))) {
			if (System.nanoTime() > deadline || (app != null && !app.isAlive())) {
				throw new AssertionError(
						"Timed out waiting until " + what + ((app != null) ? ":\n" + app.output() : ""));
			}
			Thread.sleep(100);
		}
	}

	private JsonNode get(ExampleProcess app, String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

	private static List<String> committed() throws IOException {
		try (Stream<Path> files = Files.list(sources().resolve("db/migrate/changes"))) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static Path sources() {
		return Path.of(System.getProperty("example.sources", "src/main/resources"));
	}

	/**
	 * The oracle: the committed revisions applied from the source tree by Migrate's core,
	 * without Spring, to a database of their own.
	 */
	private static Schema schemaOfTheCommittedRevisions() throws Exception {
		try (TestDatabase reference = TestPostgres.createDatabase()) {
			new MigrationRunner(reference.dataSource(), "db/migrate/changelog.yaml",
					ChangelogFiles.inDirectory(sources()), RunnerOptions.defaults())
				.upgrade();
			return readSchema(reference);
		}
	}

	private static Schema readSchema(TestDatabase database) throws Exception {
		try (Connection connection = database.connect()) {
			return Dialects.postgresql().readSchema(connection, Set.of("public"), MigrationRunner.LIQUIBASE_TABLES);
		}
	}

}
