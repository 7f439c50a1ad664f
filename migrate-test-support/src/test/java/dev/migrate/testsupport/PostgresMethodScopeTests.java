package dev.migrate.testsupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class whose methods each get a database of their own: both methods create the same
 * table, which only one could in a shared database, whichever runs first.
 */
@PostgresTest(database = PostgresTest.Scope.METHOD)
class PostgresMethodScopeTests {

	private TestDatabase beforeEach;

	@BeforeEach
	void createTable(TestDatabase database) {
		this.beforeEach = database;
		database.execute("CREATE TABLE only_mine (id int PRIMARY KEY)");
	}

	@Test
	void givesEachMethodAFreshDatabase(TestDatabase database) {
		assertThat(database.name()).isEqualTo(this.beforeEach.name());
		database.execute("INSERT INTO only_mine VALUES (1)");
		assertThat(database.queryForString("SELECT count(*) FROM only_mine")).isEqualTo("1");
	}

	@Test
	void givesEachMethodAFreshDatabaseWhateverRanBefore(TestDatabase database) {
		assertThat(database.name()).isEqualTo(this.beforeEach.name());
		database.execute("INSERT INTO only_mine VALUES (1)");
		assertThat(database.queryForString("SELECT count(*) FROM only_mine")).isEqualTo("1");
	}

}
