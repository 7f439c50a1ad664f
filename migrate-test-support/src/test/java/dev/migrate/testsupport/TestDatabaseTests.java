package dev.migrate.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class TestDatabaseTests {

	@Test
	void startsEmptyAndApartFromOtherTestClasses(TestDatabase database) {
		assertThat(database.queryForString(
				"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"))
			.isEqualTo("0");
		assertThat(database.queryForString("SELECT to_regclass('greeting') IS NULL")).isEqualTo("t");
	}

	@Test
	void dropsTheDatabaseWhenClosed(TestDatabase database) {
		TestDatabase other = database.server().createDatabase();
		String name = other.name();
		assertThat(exists(database, name)).isTrue();
		other.close();
		assertThat(exists(database, name)).isFalse();
	}

	private boolean exists(TestDatabase database, String name) {
		return "t".equals(
				database.queryForString("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '" + name + "')"));
	}

}
