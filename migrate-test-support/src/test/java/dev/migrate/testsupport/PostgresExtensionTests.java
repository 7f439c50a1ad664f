package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

@PostgresTest
class PostgresExtensionTests {

	@BeforeAll
	static void createTable(TestDatabase database) {
		database.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar(20) NOT NULL)");
		database.execute("INSERT INTO greeting VALUES (1, 'hello')");
	}

	@Test
	void runsTheBundledBinariesOfTheVersionTheBuildAskedFor(TestDatabase database) {
		assumeThat(database.server().isEmbedded()).as("an embedded server (%s is set)", TestPostgres.URL_ENV).isTrue();
		String expected = System.getProperty(TestPostgres.VERSION_PROPERTY);
		assertThat(expected).as("system property %s, set by the build", TestPostgres.VERSION_PROPERTY).isNotBlank();
		String[] parts = expected.split("\\.");
		// Computed by the server itself, not parsed from the version string the extension
		// read.
		assertThat(database.queryForString("SELECT current_setting('server_version_num')"))
			.isEqualTo(String.valueOf(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1])));
		assertThat(parts[0]).isEqualTo(TestPostgres.requestedMajor());
		assertThat(database.server().majorVersion()).isEqualTo(Integer.parseInt(parts[0]));
	}

	@Test
	void givesEveryMethodOfAClassTheSameDatabase(TestDatabase database) {
		assertThat(database.queryForString("SELECT text FROM greeting WHERE id = 1")).isEqualTo("hello");
	}

	@Test
	void connectsWithTheUrlAndCredentialsItHandsOut(TestDatabase database) throws SQLException {
		try (Connection connection = database.dataSource().getConnection()) {
			assertThat(connection.getCatalog()).isEqualTo(database.name());
			assertThat(connection.getMetaData().getURL()).startsWith(database.jdbcUrl());
		}
	}

	@Test
	void reportsTheDatabaseInFailedStatements(TestDatabase database) {
		assertThatIllegalStateException().isThrownBy(() -> database.execute("SELECT * FROM missing_table"))
			.withMessageContaining(database.name())
			.withMessageContaining("missing_table");
	}

}
