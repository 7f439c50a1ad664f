package dev.migrate.core.runner;

import java.sql.SQLException;
import java.util.logging.LogRecord;

import dev.migrate.core.changelog.MasterChangelog;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unchanged shortcut's fingerprints are an optimization: when one cannot be read or
 * written the runner takes the full path, and says why at debug level instead of
 * swallowing the failure.
 */
class FingerprintFailureLoggingTests {

	@Test
	void aFingerprintThatCannotBeReadOrWrittenIsLoggedAtDebug() {
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/shop?connectTimeout=2");
		MigrationRunner runner = new MigrationRunner(unreachable, MasterChangelog.DEFAULT_PATH,
				ChangelogFiles.onClasspath(getClass().getClassLoader()), RunnerOptions.defaults());
		try (RecordedLog log = RecordedLog.of(MigrationRunner.class)) {
			assertThat(runner.catalogFingerprint()).isEmpty();
			assertThat(runner.statusIfUnchanged()).isEmpty();
			assertThat(runner.statusIfUnchanged("desired")).isEmpty();
			assertThat(runner.recordInStep("desired", "catalog")).isFalse();
			runner.forgetInStep();
			assertThat(log.debug()).hasSize(5)
				.allSatisfy((record) -> assertThat(record.getThrown()).isInstanceOf(SQLException.class))
				.extracting(LogRecord::getMessage)
				.containsExactly("Could not compute the catalog's fingerprint",
						"Could not compare the changelog's fingerprint; taking the full path to the status",
						"Could not compare the changelog's fingerprint; taking the full path to the status",
						"Could not record that the database is in step with the entities; the next start compares"
								+ " again",
						"Could not forget that the database was in step with the entities");
		}
	}

}
