package dev.migrate.core;

import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the core's PostgreSQL tests run on the major version the build asked for,
 * so that a matrix entry cannot silently fall back to another server.
 */
@PostgresTest
class PostgresMajorVersionTests {

	@Test
	void runsOnTheConfiguredMajorVersion(TestDatabase database) {
		String requested = System.getProperty(TestPostgres.MAJOR_PROPERTY);
		assertThat(requested).as("system property %s", TestPostgres.MAJOR_PROPERTY).isNotBlank();
		if (System.getenv(TestPostgres.URL_ENV) == null) {
			assertThat(database.queryForString("SELECT current_setting('server_version_num')::int / 10000"))
				.isEqualTo(requested);
		}
	}

}
