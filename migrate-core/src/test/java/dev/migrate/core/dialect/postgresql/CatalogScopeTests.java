package dev.migrate.core.dialect.postgresql;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.exception.UnsupportedDatabaseException;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
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
	void executesSevenQueriesForOneTableAndForTwoHundred() throws Exception {
		try (TestDatabase small = TestPostgres.createDatabase(); TestDatabase large = TestPostgres.createDatabase()) {
			createTables(small, 1);
			createTables(large, 200);
			// Seven: table comments, columns, constraints, indexes, sequences, enum types
			// and
			// schemas (README.md, "How Migrate sees a schema").
			assertThat(countQueries(small)).as("queries executed for one table").isEqualTo(7);
			assertThat(countQueries(large)).as("queries executed for two hundred tables").isEqualTo(7);
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

	/**
	 * Read the schema through a connection that counts the statements executed (not
	 * merely created) on it.
	 */
	private static int countQueries(TestDatabase database) throws SQLException {
		AtomicInteger executed = new AtomicInteger();
		try (Connection connection = database.connect()) {
			Connection counting = proxy(Connection.class, connection, (method, result) -> {
				if (result instanceof Statement) {
					Class<?> type = method.getReturnType();
					return proxy(type, result, (statementMethod, ignored) -> {
						if (statementMethod.getName().startsWith("execute")) {
							executed.incrementAndGet();
						}
						return ignored;
					});
				}
				return result;
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
		return executed.get();
	}

	/**
	 * A proxy of {@code target} that calls it, then passes each result through
	 * {@code after} (before the result is returned).
	 */
	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<?> type, Object target, BiFunction<Method, Object, Object> after) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			try {
				Object result = method.invoke(target, args);
				return after.apply(method, result);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		});
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
