package dev.migrate.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.testsupport.TestDatabase;

/**
 * Starts {@link StartupApp} as its own JVM, the way it is deployed: a plain class path of
 * the application's jars and the jar of revisions.
 */
final class StartedApplication {

	private static final long TIMEOUT_SECONDS = 180;

	private final String classPath;

	private final TestDatabase database;

	/**
	 * Create a launcher.
	 * @param classPathFile the file listing the application's jars
	 * @param revisions the jar of revisions
	 * @param database the database every start uses
	 */
	StartedApplication(Path classPathFile, Path revisions, TestDatabase database) throws IOException {
		List<String> entries = new ArrayList<>();
		entries.add(applicationClasses().toString());
		entries.add(Files.readString(classPathFile).trim());
		entries.add(revisions.toString());
		this.classPath = String.join(File.pathSeparator, entries);
		this.database = database;
	}

	/**
	 * Start the application with the given tool, wait for it to exit and return what it
	 * reported.
	 * @param tool the migration tool
	 * @return the run
	 */
	Run start(Tool tool) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", this.classPath,
						StartupApp.class.getName()));
		command.addAll(tool.arguments());
		command.add("--spring.datasource.url=" + this.database.jdbcUrl());
		command.add("--spring.datasource.username=" + this.database.user());
		command.add("--spring.datasource.password=" + this.database.password());
		Path log = Files.createTempFile("startup-benchmark", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(tool.label() + " did not start within " + TIMEOUT_SECONDS + " s");
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			long ready = output.lines()
				.filter((line) -> line.startsWith(StartupApp.READY))
				.mapToLong((line) -> Long.parseLong(line.substring(StartupApp.READY.length()).trim()))
				.findFirst()
				.orElse(-1);
			if (process.exitValue() != 0 || ready < 0) {
				throw new IllegalStateException(
						tool.label() + " failed to start (exit " + process.exitValue() + "):\n" + output);
			}
			return new Run(tool, ready, output);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static Path applicationClasses() {
		try {
			return Path.of(StartupApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One start.
	 *
	 * @param tool the migration tool
	 * @param readyMillis milliseconds from the JVM's start to the application being ready
	 * @param output what the application logged
	 */
	record Run(Tool tool, long readyMillis, String output) {

		/**
		 * Return the migration tools whose beans the application had.
		 */
		List<String> tools() {
			return this.output.lines()
				.filter((line) -> line.startsWith(StartupApp.TOOLS))
				.map((line) -> line.substring(StartupApp.TOOLS.length()).trim())
				.filter((tools) -> !tools.isEmpty())
				.flatMap((tools) -> List.of(tools.split(",")).stream())
				.toList();
		}

		/**
		 * Return whether Migrate found that nothing changed without initializing
		 * Liquibase, as its summary line says.
		 */
		boolean migrateSkippedLiquibase() {
			return this.output.contains("nothing changed since the last run (checked without Liquibase)");
		}

	}

}
