package dev.migrate.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application with two databases, started as processes of their own from a
 * folder that is not the project, against empty databases: each database gets only its
 * own tables and history, from the revisions inside the jar, before Hibernate validates
 * either; a restart changes nothing and reads no revision; processes started at once
 * apply each database's changeset once.
 */
class ShopJarTests {

	private static final String SHORTCUT = "nothing changed since the last run (checked without Liquibase)";

	@TempDir
	Path work;

	@Test
	void migratesEachDatabaseFromThePackagedJarAndARestartChangesNothing() throws Exception {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			String first;
			try (ShopProcess shop = ShopProcess.start(this.work, "first", arguments(orders, customers))) {
				first = shop.awaitStarted();
			}
			assertThat(tables(orders)).containsExactlyInAnyOrder("databasechangelog", "databasechangeloglock",
					"invoice");
			assertThat(tables(customers)).containsExactlyInAnyOrder("databasechangelog", "databasechangeloglock",
					"customer");
			assertThat(orders.queryForString("SELECT string_agg(filename, ',') FROM databasechangelog"))
				.isEqualTo("db/migrate/changes/20261203114500_create_invoice.yaml");
			assertThat(customers.queryForString("SELECT string_agg(filename, ',') FROM databasechangelog"))
				.isEqualTo("db/migrate/customers/changes/20261203114501_create_customer.yaml");
			assertThat(first).contains("Migrate: public is at 20261203114500_create_invoice.yaml")
				.contains("Migrate (instance customers): public is at 20261203114501_create_customer.yaml");
			assertThat(first.split(Pattern.quote("applied 1 revision"), -1)).as("one revision applied per database")
				.hasSize(3);

			String restart;
			try (ShopProcess shop = ShopProcess.start(this.work, "restart", arguments(orders, customers))) {
				restart = shop.awaitStarted();
			}
			assertThat(restart.split(Pattern.quote(SHORTCUT), -1))
				.as("both instances find nothing changed without reading the revisions")
				.hasSize(3);
			assertThat(orders.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");
			assertThat(customers.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");

			List<String> history = new ArrayList<>(arguments(orders, customers));
			history.addAll(List.of("--migrate.command=history", "--migrate.instance=customers"));
			try (ShopProcess command = ShopProcess.start(this.work, "history", history)) {
				assertThat(command.awaitExit()).as("the history command's exit code").isZero();
				assertThat(command.output())
					.contains("db/migrate/customers/changes/20261203114501_create_customer.yaml")
					.doesNotContain("20261203114500_create_invoice.yaml::");
			}
		}
	}

	@Test
	void threeProcessesStartedAtOnceApplyEachDatabasesChangesetOnce() throws Exception {
		try (TestDatabase orders = TestPostgres.createDatabase();
				TestDatabase customers = TestPostgres.createDatabase()) {
			List<ShopProcess> shops = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					shops.add(ShopProcess.start(this.work, "shop-" + i, arguments(orders, customers)));
				}
				for (ShopProcess shop : shops) {
					shop.awaitStarted();
				}
			}
			finally {
				for (ShopProcess shop : shops) {
					shop.close();
				}
			}
			assertThat(orders.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");
			assertThat(customers.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");
			assertThat(tables(orders)).contains("invoice").doesNotContain("customer");
			assertThat(tables(customers)).contains("customer").doesNotContain("invoice");
		}
	}

	private static List<String> arguments(TestDatabase orders, TestDatabase customers) {
		return List.of("--spring.datasource.url=" + orders.jdbcUrl(), "--spring.datasource.username=" + orders.user(),
				"--spring.datasource.password=" + orders.password(), "--customers.url=" + customers.jdbcUrl(),
				"--customers.username=" + customers.user(), "--customers.password=" + customers.password());
	}

	private static List<String> tables(TestDatabase database) {
		return List.of(
				database
					.queryForString("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
							+ " WHERE schemaname = 'public'")
					.split(","));
	}

	/**
	 * {@code java -jar example-several-databases.jar} in a folder of its own.
	 */
	static final class ShopProcess implements AutoCloseable {

		private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

		private final Process process;

		private final Path log;

		private ShopProcess(Process process, Path log) {
			this.process = process;
			this.log = log;
		}

		static ShopProcess start(Path work, String name, List<String> arguments) throws IOException {
			Path folder = Files.createDirectories(work.resolve(name));
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
							Path.of(System.getProperty("shop.jar")).toAbsolutePath().toString()));
			command.addAll(arguments);
			Path log = folder.resolve("output.log");
			ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().keySet().removeIf((key) -> key.startsWith("SPRING_") || key.startsWith("MIGRATE_"));
			return new ShopProcess(builder.start(), log);
		}

		/**
		 * Wait until the application has started, and return its output.
		 */
		String awaitStarted() throws IOException, InterruptedException {
			long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				String output = Files.readString(this.log);
				if (output.contains("Started ShopApplication")) {
					return output;
				}
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The application exited with " + this.process.exitValue()
							+ " before it started:\n" + output);
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException(
					"The application did not start within " + STARTUP_TIMEOUT + ":\n" + Files.readString(this.log));
		}

		/**
		 * Wait for the process to end by itself, as command mode does, and return its
		 * exit code.
		 */
		int awaitExit() throws InterruptedException {
			if (!this.process.waitFor(STARTUP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
				throw new IllegalStateException("The application did not exit within " + STARTUP_TIMEOUT);
			}
			return this.process.exitValue();
		}

		String output() throws IOException {
			return Files.readString(this.log);
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

	}

}
