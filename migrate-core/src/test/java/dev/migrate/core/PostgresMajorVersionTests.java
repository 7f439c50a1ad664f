package dev.migrate.core;

import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Proves that the core's PostgreSQL tests run on the version the build asked for, so that
 * an execution for one major cannot silently fall back to another server. On an existing
 * server ({@value TestPostgres#URL_ENV}) there is nothing to compare with, and the test
 * says so as an assumption (skipped), not as a pass.
 */
@PostgresTest
class PostgresMajorVersionTests {

	@Test
	void runsOnTheMajorAndMinorVersionTheBuildAskedFor(TestDatabase database) {
		assumeThat(database.server().isEmbedded()).as("an embedded server (%s is set)", TestPostgres.URL_ENV).isTrue();
		String major = System.getProperty(TestPostgres.MAJOR_PROPERTY);
		String version = System.getProperty(TestPostgres.VERSION_PROPERTY);
		assertThat(major).as("system property %s", TestPostgres.MAJOR_PROPERTY).isNotBlank();
		assertThat(version).as("system property %s", TestPostgres.VERSION_PROPERTY).startsWith(major + ".");
		String[] parts = version.split("\\.");
		assertThat(database.queryForString("SELECT current_setting('server_version_num')"))
			.isEqualTo(String.valueOf(Integer.parseInt(parts[0]) * 10000 + Integer.parseInt(parts[1])));
	}

}
