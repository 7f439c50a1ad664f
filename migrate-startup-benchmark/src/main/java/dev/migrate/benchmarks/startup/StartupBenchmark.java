package dev.migrate.benchmarks.startup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;

/**
 * Measures what a migration tool adds to a Spring Boot application's start when nothing
 * is pending: the same application, class path and changelog of already applied
 * revisions, started as its own JVM with no tool, with Spring Boot's Liquibase
 * integration and with Migrate, in rounds whose order is shuffled. Runs on the embedded
 * PostgreSQL, or on the server that {@code MIGRATE_TEST_POSTGRES_URL} names.
 * <p>
 * Arguments: {@code --revisions=500 --rounds=10}. Run from this module's folder after
 * {@code package}: {@code java -cp "target/classes:$(cat target/harness-classpath.txt)"
 * dev.migrate.benchmarks.startup.StartupBenchmark}.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int revisions = intArgument(args, "--revisions=", 500);
		int rounds = intArgument(args, "--rounds=", 10);
		if (revisions < 1 || rounds < 1) {
			throw new IllegalArgumentException("--revisions and --rounds must be at least 1");
		}
		run(revisions, rounds, Path.of("target", "application-classpath.txt"), System.out).print(System.out);
	}

	/**
	 * Apply the revisions once, start the application once per tool to warm the machine's
	 * caches, then measure {@code rounds} rounds.
	 * @param revisions how many revisions the changelog holds
	 * @param rounds how many starts of each tool to measure
	 * @param classPathFile the file listing the application's jars
	 * @param log where progress is written
	 * @return the measurements
	 */
	static StartupReport run(int revisions, int rounds, Path classPathFile, PrintStream log)
			throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("startup-benchmark");
		Path jar = folder.resolve("revisions.jar");
		Revisions.writeJar(jar, revisions);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String server = database.queryForString("SELECT version() || ', jit=' || current_setting('jit')");
			StartedApplication application = new StartedApplication(classPathFile, jar, database);
			log.println("Applying " + revisions + " revisions with Migrate on " + server);
			application.start(Tool.MIGRATE);
			Map<Tool, List<StartedApplication.Run>> runs = new EnumMap<>(Tool.class);
			List<Tool> order = new ArrayList<>(List.of(Tool.values()));
			Random random = new Random(42);
			for (int round = 0; round <= rounds; round++) {
				Collections.shuffle(order, random);
				for (Tool tool : order) {
					StartedApplication.Run run = application.start(tool);
					if (round > 0) {
						runs.computeIfAbsent(tool, (key) -> new ArrayList<>()).add(run);
						log.println(
								"round " + round + ": " + tool.label() + " ready after " + run.readyMillis() + " ms");
					}
				}
			}
			String applied = database.queryForString("SELECT count(*) FROM databasechangelog");
			return new StartupReport(server, revisions, Integer.parseInt(String.valueOf(applied)), runs);
		}
		finally {
			Files.deleteIfExists(jar);
			Files.deleteIfExists(folder);
		}
	}

	private static int intArgument(String[] args, String prefix, int defaultValue) {
		for (String arg : args) {
			if (arg.startsWith(prefix)) {
				return Integer.parseInt(arg.substring(prefix.length()));
			}
		}
		return defaultValue;
	}

}
