package dev.migrate.core.dialect.postgresql;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.dialect.UnsupportedDatabaseException;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What the catalog reader leaves out, and what reading costs.
 */
@PostgresTest
class CatalogScopeTests {

	@Test
	void leavesOutTheExcludedTables(TestDatabase database) throws SQLException {
		database.execute("""
				CREATE TABLE databasechangelog (id varchar(255));
				CREATE TABLE databasechangeloglock (id int PRIMARY KEY);
				CREATE TABLE invoice (id int PRIMARY KEY);
				""");
		assertThat(read(database, List.of("public")).tables()).extracting((table) -> table.name().name())
			.containsExactly("invoice");
	}

	@Test
	void leavesOutObjectsOwnedByExtensions() throws Exception {
		Path extensionDirectory = extensionDirectory();
		assumeThat(extensionDirectory).as("a writable extension directory (embedded PostgreSQL)").isNotNull();
		Files.writeString(extensionDirectory.resolve("migrate_probe.control"),
				"default_version = '1.0'\nrelocatable = true\n");
		Files.writeString(extensionDirectory.resolve("migrate_probe--1.0.sql"), """
				CREATE TABLE probe_settings (id int PRIMARY KEY, value text);
				CREATE SEQUENCE probe_numbers;
				CREATE TYPE probe_level AS ENUM ('low', 'high');
				""");
		try (TestDatabase database = TestPostgres.createDatabase()) {
			database.execute("CREATE EXTENSION migrate_probe; CREATE TABLE own (id int PRIMARY KEY)");
			Schema schema = read(database, List.of("public"));
			assertThat(schema.tables()).extracting((table) -> table.name().name()).containsExactly("own");
			assertThat(schema.sequences()).isEmpty();
			assertThat(schema.enumTypes()).isEmpty();
			assertThat(database.queryForString("SELECT count(*) FROM probe_settings"))
				.as("the extension's table exists")
				.isEqualTo("0");
		}
	}

	@Test
	void runsTheSameNumberOfQueriesForOneTableAsForTwoHundred() throws Exception {
		try (TestDatabase small = TestPostgres.createDatabase(); TestDatabase large = TestPostgres.createDatabase()) {
			createTables(small, 1);
			createTables(large, 200);
			int smallQueries = countQueries(small);
			int largeQueries = countQueries(large);
			assertThat(largeQueries).isEqualTo(smallQueries);
			assertThat(smallQueries).isLessThanOrEqualTo(7);
		}
	}

	@Test
	void refusesADatabaseThatIsNotPostgresqlNamingWhatItFound() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:unsupported")) {
			assertThatExceptionOfType(UnsupportedDatabaseException.class)
				.isThrownBy(() -> Dialects.forConnection(connection))
				.withMessageStartingWith("Unsupported database: found H2 ")
				.withMessageContaining("Migrate supports PostgreSQL");
		}
	}

	private static void createTables(TestDatabase database, int count) {
		StringBuilder sql = new StringBuilder("CREATE TABLE parent (id bigint PRIMARY KEY);");
		for (int i = 0; i < count; i++) {
			sql.append("CREATE TABLE child_")
				.append(i)
				.append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES parent, name varchar(40) UNIQUE,")
				.append(" amount numeric(10,2) CHECK (amount > 0));")
				.append("CREATE INDEX child_")
				.append(i)
				.append("_name ON child_")
				.append(i)
				.append(" (lower(name));");
		}
		database.execute(sql.toString());
	}

	private static int countQueries(TestDatabase database) throws SQLException {
		AtomicInteger statements = new AtomicInteger();
		Set<String> counted = Set.of("createStatement", "prepareStatement", "prepareCall");
		try (Connection connection = database.connect()) {
			Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (counted.contains(method.getName())) {
							statements.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
			Schema schema = Dialects.forConnection(counting)
				.readSchema(counting, List.of("public"), MigrationRunner.LIQUIBASE_TABLES);
			assertThat(schema.tables()).as("tables read").isNotEmpty().allSatisfy((Table table) -> {
				if (table.name().name().startsWith("child_")) {
					assertThat(table.foreignKeys()).hasSize(1);
					assertThat(table.indexes()).hasSize(1);
				}
			});
		}
		return statements.get();
	}

	private static Schema read(TestDatabase database, List<String> schemas) throws SQLException {
		try (Connection connection = database.connect()) {
			return Dialects.forConnection(connection).readSchema(connection, schemas, MigrationRunner.LIQUIBASE_TABLES);
		}
	}

	private static Path extensionDirectory() {
		if (System.getenv(TestPostgres.URL_ENV) != null) {
			return null;
		}
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String shareDirectory = database.queryForString("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'");
			Path directory = Path.of(shareDirectory, "extension");
			return Files.isWritable(directory) ? directory : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
