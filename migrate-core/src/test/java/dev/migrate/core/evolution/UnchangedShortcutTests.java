package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationRunner#statusIfUnchanged()}: taken when nothing changed since the last
 * complete upgrade, and not after anything that Liquibase's full path must see; with a
 * desired schema's fingerprint, taken only while that one and the catalog are unchanged.
 */
@PostgresTest
class UnchangedShortcutTests {

	private static final Schema A = schema().table("a", (t) -> t.id().column("name", "varchar(20)")).build();

	private static final Schema A_AND_B = schema().table("a", (t) -> t.id().column("name", "varchar(20)"))
		.table("b", (t) -> t.id())
		.build();

	@Test
	void isTakenWhenNothingChangedSinceTheLastCompleteUpgrade() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(A, DiffOptions.defaults(), "one");
			MigrationRunner runner = workspace.runner();
			assertThat(runner.statusIfUnchanged()).as("never upgraded").isEmpty();
			runner.upgrade();
			assertUnchanged(runner);
			assertUnchanged(runner);
		}
	}

	@Test
	void isNotTakenAfterANewRevision() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			workspace.generate(A_AND_B, DiffOptions.defaults(), "two");
			assertThat(workspace.runner().statusIfUnchanged()).isEmpty();
			workspace.runner().upgrade();
			assertUnchanged(workspace.runner());
		}
	}

	@Test
	void isNotTakenAfterAnAppliedRevisionWasEditedSoThatTheFullPathRefusesIt() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			Path first = revision(workspace);
			String original = Files.readString(first);
			Files.writeString(first, original.replace("varchar(20)", "varchar(30)"));
			MigrationRunner runner = workspace.runner();
			assertThat(runner.statusIfUnchanged()).isEmpty();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(runner::upgrade)
				.withMessageContaining("edited after it was applied");
			Files.writeString(first, original);
			assertUnchanged(runner);
		}
	}

	@Test
	void isNotTakenAfterARowWasRemovedFromDatabasechangelog() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			database.execute("DELETE FROM databasechangelog");
			assertThat(workspace.runner().statusIfUnchanged()).isEmpty();
		}
	}

	@Test
	void isNotTakenAfterSomeoneElseAppliedARevision() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = upgraded(database);
				Workspace theirs = new Workspace(database)) {
			theirs.generate(A_AND_B, DiffOptions.defaults(), "theirs");
			theirs.runner().upgrade();
			assertThat(workspace.runner().statusIfUnchanged()).isEmpty();
		}
	}

	@Test
	void isTakenWhenAnotherDatabasesChangelogInASubfolderGetsARevision() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			Path other = masterFolder(workspace).resolve("customers");
			MasterChangelog.writeIfMissing(other.resolve(masterName()), "changes");
			Files.writeString(Files.createDirectories(other.resolve("changes")).resolve("20260101000000_other.yaml"),
					"databaseChangeLog: []\n");
			assertUnchanged(workspace.runner());
		}
	}

	@Test
	void isNotTakenAfterAChangeInASubfolderTheChangelogIncludes() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path master = masterFolder(workspace).resolve(masterName());
			Path included = masterFolder(workspace).resolve("shared");
			MasterChangelog.writeIfMissing(included.resolve(masterName()), "changes");
			Files.writeString(master, Files.readString(master) + "  - include:\n      file: shared/" + masterName()
					+ "\n      relativeToChangelogFile: true\n");
			workspace.generate(A, DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			assertUnchanged(workspace.runner());
			Files.writeString(
					Files.createDirectories(included.resolve("changes")).resolve("20260101000000_shared.yaml"),
					"databaseChangeLog: []\n");
			assertThat(workspace.runner().statusIfUnchanged()).isEmpty();
		}
	}

	@Test
	void inStepIsTakenOnlyForTheRecordedDesiredSchemaAndAnUnchangedCatalog() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			MigrationRunner runner = workspace.runner();
			assertThat(runner.statusIfUnchanged("entities-1")).as("never recorded").isEmpty();
			assertThat(runner.recordInStep("entities-1", runner.catalogFingerprint().orElseThrow())).isTrue();
			assertThat(runner.statusIfUnchanged("entities-1"))
				.hasValueSatisfying((status) -> assertThat(status.current()).isEqualTo(runner.status().current()));
			assertThat(runner.statusIfUnchanged("entities-2")).as("other entities").isEmpty();
			database.execute("COMMENT ON COLUMN a.name IS 'changed by hand'");
			assertThat(runner.statusIfUnchanged("entities-1")).as("catalog changed by hand").isEmpty();
			assertUnchanged(runner);
		}
	}

	@Test
	void inStepIsDroppedByTheNextUpgrade() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			assertThat(workspace.runner().recordInStep("entities-1", catalog(workspace))).isTrue();
			workspace.generate(A_AND_B, DiffOptions.defaults(), "two");
			assertThat(workspace.runner().recordInStep("entities-1", catalog(workspace)))
				.as("a revision not applied yet")
				.isFalse();
			assertThat(workspace.runner().statusIfUnchanged("entities-1")).isEmpty();
			workspace.runner().upgrade();
			assertThat(workspace.runner().statusIfUnchanged("entities-1")).isEmpty();
			assertUnchanged(workspace.runner());
		}
	}

	@Test
	void inStepIsNotRecordedWhenTheCatalogChangedSinceTheComparison() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			String compared = catalog(workspace);
			database.execute("CREATE INDEX a_name ON a (name)");
			assertThat(workspace.runner().recordInStep("entities-1", compared)).isFalse();
			assertThat(workspace.runner().statusIfUnchanged("entities-1")).isEmpty();
		}
	}

	@Test
	void inStepIsForgottenOnRequestAndTheRevisionsShortcutStays() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = upgraded(database)) {
			assertThat(workspace.runner().recordInStep("entities-1", catalog(workspace))).isTrue();
			workspace.runner().forgetInStep();
			assertThat(workspace.runner().statusIfUnchanged("entities-1")).isEmpty();
			assertUnchanged(workspace.runner());
		}
	}

	private static Path masterFolder(Workspace workspace) {
		return workspace.root().resolve(MasterChangelog.DEFAULT_PATH).getParent();
	}

	private static String masterName() {
		return Path.of(MasterChangelog.DEFAULT_PATH).getFileName().toString();
	}

	private static String catalog(Workspace workspace) {
		return workspace.runner().catalogFingerprint().orElseThrow();
	}

	private static Workspace upgraded(TestDatabase database) {
		Workspace workspace = new Workspace(database);
		workspace.generate(A, DiffOptions.defaults(), "one");
		workspace.runner().upgrade();
		assertUnchanged(workspace.runner());
		return workspace;
	}

	private static Path revision(Workspace workspace) throws Exception {
		try (var files = Files.list(workspace.changesDirectory())) {
			return files.filter((file) -> file.toString().endsWith("_one.yaml")).findFirst().orElseThrow();
		}
	}

	private static void assertUnchanged(MigrationRunner runner) {
		MigrationStatus full = runner.status();
		assertThat(runner.statusIfUnchanged()).as("nothing changed since the last upgrade")
			.hasValueSatisfying((shortcut) -> {
				assertThat(shortcut.applied()).extracting(Revision::name)
					.containsExactlyElementsOf(full.applied().stream().map(Revision::name).toList());
				assertThat(shortcut.pending()).isEmpty();
				assertThat(shortcut.current()).isEqualTo(full.current());
				assertThat(shortcut.schema()).isEqualTo(full.schema());
			});
	}

}
