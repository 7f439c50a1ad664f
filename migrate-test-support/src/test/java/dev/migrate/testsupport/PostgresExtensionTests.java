package dev.migrate.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@PostgresTest
class PostgresExtensionTests {

	@BeforeAll
	static void createTable(TestDatabase database) {
		database.execute("CREATE TABLE greeting (id int PRIMARY KEY, text varchar(20) NOT NULL)");
		database.execute("INSERT INTO greeting VALUES (1, 'hello')");
	}

	@Test
	void runsOnTheRequestedMajorVersion(TestDatabase database) {
		if (System.getenv(TestPostgres.URL_ENV) == null) {
			assertThat(database.server().majorVersion()).isEqualTo(Integer.parseInt(TestPostgres.requestedMajor()));
		}
		assertThat(database.queryForString("SHOW server_version")).isEqualTo(database.server().version());
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
