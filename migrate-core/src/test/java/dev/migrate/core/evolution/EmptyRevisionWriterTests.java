package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.changelog.Revisions;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.Revision;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empty revisions to fill in by hand: named after the newest revision even when the clock
 * is behind, and, as written, applied and rolled back without changing anything; the SQL
 * a developer then writes into them runs and rolls back.
 */
@PostgresTest
class EmptyRevisionWriterTests {

	@ParameterizedTest
	@EnumSource(ChangelogFormat.class)
	void anEmptyRevisionSortsAfterTheNewestAndRunsAndRollsBackAsWritten(ChangelogFormat format) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path generated = workspace.generate(TestSchemas.schema().table("person", (t) -> t.id()).build(),
					DiffOptions.defaults(), "create person");
			String fingerprint;
			MigrationRunner runner = workspace.runner();
			runner.upgrade();
			fingerprint = Workspace.fingerprint(database);
			Path written = Revisions.empty(workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY,
					"Backfill names", "alice", Instant.parse("2025-01-01T00:00:00Z"), format);
			String generatedId = generated.getFileName().toString().substring(0, 14);
			assertThat(written.getFileName().toString())
				.isEqualTo(Long.parseLong(generatedId) + 1 + "_backfill_names." + format.extension());
			assertThat(Files.readString(written)).contains("alice").contains("Backfill names");
			assertThat(runner.status().pending()).extracting(Revision::name)
				.containsExactly(written.getFileName().toString());
			assertThat(runner.upgrade().applied()).hasSize(1);
			assertThat(Workspace.fingerprint(database)).isEqualTo(fingerprint);
			assertThat(runner.status().current()).isEqualTo(written.getFileName().toString());
			assertThat(runner.downgrade(1)).hasSize(1);
			assertThat(runner.status().current()).isEqualTo(generated.getFileName().toString());
		}
	}

}
