package dev.migrate.benchmarks.startup;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.benchmarks.startup.StartedApplication.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the startup harness once on a small changelog and checks that each start measures
 * what its label says: no tool, only Spring Boot's Liquibase, only Migrate, which found
 * that nothing changed without Liquibase. Not a timing test: the figures come from a full
 * run of {@link StartupBenchmark}.
 */
class StartupBenchmarkTests {

	private static final int REVISIONS = 12;

	@Test
	void eachStartRunsOnlyTheToolItMeasuresOnAppliedRevisions() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		StartupReport report = StartupBenchmark.run(REVISIONS, 1, Path.of("target", "application-classpath.txt"),
				new PrintStream(log, true, StandardCharsets.UTF_8));
		assertThat(report.applied()).as("changesets applied once, by the first start").isEqualTo(REVISIONS);
		assertThat(report.runs().get(Tool.NONE)).singleElement().satisfies((run) -> assertThat(run.tools()).isEmpty());
		assertThat(report.runs().get(Tool.LIQUIBASE)).singleElement()
			.satisfies((run) -> assertThat(run.tools()).containsExactly("liquibase"));
		assertThat(report.runs().get(Tool.MIGRATE)).singleElement().satisfies((run) -> {
			assertThat(run.tools()).containsExactly("migrate");
			assertThat(run.migrateSkippedLiquibase()).as(run.output()).isTrue();
		});
		assertThat(report.runs().values())
			.allSatisfy((runs) -> assertThat(runs).allMatch((Run run) -> run.readyMillis() > 0));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("12 applied revisions, 1 rounds")
			.contains("it skipped Liquibase in 1 of 1 starts")
			.contains("added to fastest");
	}

	/**
	 * The measured application is a Spring Data JDBC-style application without JPA: the
	 * starter brings it neither Hibernate nor the JPA API, and the start above (which
	 * runs Migrate) shows that the starter needs neither.
	 */
	@Test
	void theStarterBringsAJdbcApplicationNeitherHibernateNorTheJpaApi() throws Exception {
		List<Path> classPath = Stream
			.of(Files.readString(Path.of("target", "application-classpath.txt")).trim().split(File.pathSeparator))
			.map(Path::of)
			.toList();
		assertThat(classPath).as("the readers (jars, or a module's classes in the reactor)")
			.anyMatch((entry) -> entry.toString().contains("migrate-hibernate"))
			.anyMatch((entry) -> entry.toString().contains("migrate-spring-data-relational"));
		assertThat(classPath).extracting((entry) -> entry.getFileName().toString())
			.noneMatch((jar) -> jar.startsWith("hibernate-core-"))
			.noneMatch((jar) -> jar.startsWith("jakarta.persistence-api-"))
			.noneMatch((jar) -> jar.startsWith("spring-data-relational-"));
	}

}
