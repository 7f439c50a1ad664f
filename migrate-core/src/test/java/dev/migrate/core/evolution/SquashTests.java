package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Twenty generated revisions squashed into one: a new database runs only it and gets the
 * same schema, one that applied all twenty records it without running it, one that
 * applied twelve stops and says what to do, and nothing rolls back past it.
 */
@PostgresTest
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class SquashTests {

	@Test
	void twentyRevisionsSquashedIntoOneBuildTheSameSchemaAndAreSkippedWhereApplied() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase atTwenty = TestPostgres.createDatabase();
				TestDatabase atTwelve = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(development)) {
			Schema desired = twentyRevisions(workspace);
			List<Path> revisions = workspace.revisions();
			assertThat(revisions).hasSize(20);
			workspace.runner(atTwenty).upgrade();
			workspace.runner(atTwelve).upgrade(12);
			Schema built = Workspace.read(development, desired);
			String twenty = Workspace.fingerprint(atTwenty);
			String twelve = Workspace.fingerprint(atTwelve);
			String changeSetsAtTwelve = changeSets(atTwelve);
			String changeSetsAtTwenty = changeSets(atTwenty);

			Path squash = squash(workspace, workspace.migrate(development, desired), 20);
			assertThat(workspace.revisions()).containsExactly(squash);
			assertThat(squash.getFileName().toString())
				.startsWith(revisions.get(19).getFileName().toString().substring(0, 15));

			workspace.runner(empty).upgrade();
			assertThat(SchemaComparator.differences(built, Workspace.read(empty, desired)))
				.as("a new database built from %s:%n%s", squash.getFileName(), Files.readString(squash))
				.isEmpty();
			assertThat(changeSets(empty)).isEqualTo("1");

			MigrationStatus status = workspace.runner(atTwenty).upgrade().status();
			assertThat(status.pending()).isEmpty();
			assertThat(status.current()).isEqualTo(squash.getFileName().toString());
			assertThat(Workspace.fingerprint(atTwenty)).isEqualTo(twenty);
			assertThat(atTwenty
				.queryForString("SELECT exectype FROM databasechangelog ORDER BY orderexecuted DESC" + " LIMIT 1"))
				.isEqualTo("MARK_RAN");

			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner(atTwelve).upgrade())
				.withMessageContaining("applied " + changeSetsAtTwelve + " of the " + changeSetsAtTwenty
						+ " changesets squashed into " + squash.getFileName())
				.withMessageContaining("upgrade it to " + revisions.get(19).getFileName())
				.withMessageContaining("with a release from before the squash");
			assertThat(Workspace.fingerprint(atTwelve)).isEqualTo(twelve);
			assertThat(changeSets(atTwelve)).isEqualTo(changeSetsAtTwelve);
		}
	}

	@Test
	void rollbackToBeforeTheSquashPointIsRefused() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(development)) {
			Schema desired = twentyRevisions(workspace);
			squash(workspace, workspace.migrate(development, desired), 20);
			workspace.runner().upgrade();
			workspace.runner(empty).upgrade();
			for (TestDatabase database : List.of(development, empty)) {
				String fingerprint = Workspace.fingerprint(database);
				assertThatExceptionOfType(MigrateException.class)
					.isThrownBy(() -> workspace.runner(database).downgrade(1))
					.withMessageContaining("cannot roll back")
					.withMessageContaining("rollback to before the squash point is not possible");
				assertThat(Workspace.fingerprint(database)).isEqualTo(fingerprint);
			}
		}
	}

	@Test
	void squashingPastAPendingRevisionOrFromAnotherRevisionIsRefusedAndWritesNothing() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase atTwelve = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(development)) {
			Schema desired = twentyRevisions(workspace);
			workspace.runner(atTwelve).upgrade(12);
			List<Path> revisions = workspace.revisions();
			Migrate twelve = workspace.migrate(atTwelve, desired);
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> squash(workspace, twelve, 20))
				.withMessageContaining("is pending on this database")
				.withMessageContaining("upgrade to it first");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> squash(workspace, twelve, 10))
				.withMessageContaining("this database is at " + revisions.get(11).getFileName())
				.withMessageContaining("downgrade a development database to it first");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> squash(workspace, workspace.migrate(development, desired), "nope"))
				.withMessageContaining("No revision 'nope'");
			assertThat(workspace.revisions()).isEqualTo(revisions);
			// A teammate's revision, merged late, sorts among those already applied.
			Files.writeString(workspace.changesDirectory().resolve("20260101000430_teammate.yaml"), """
					databaseChangeLog:
					  - changeSet:
					      id: teammate-1
					      author: teammate
					      changes:
					        - sql:
					            sql: SELECT 1
					""");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> squash(workspace, workspace.migrate(development, desired), 20))
				.withMessageContaining("past the pending revision(s) [20260101000430_teammate.yaml]");
			assertThat(workspace.revisions()).hasSize(21).containsAll(revisions);
		}
	}

	@Test
	void squashingPartOfTheHistoryKeepsTheRevisionsAfterIt() throws Exception {
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase atTwenty = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(development)) {
			Schema desired = twentyRevisions(workspace);
			List<Path> revisions = workspace.revisions();
			workspace.runner(atTwenty).upgrade();
			workspace.runner().downgradeTo(revisions.get(9).getFileName().toString());
			Path squash = squash(workspace, workspace.migrate(development, desired), 10);
			assertThat(workspace.revisions()).hasSize(11).startsWith(squash).endsWith(revisions.get(19));
			workspace.runner().upgrade();
			workspace.runner(empty).upgrade();
			assertThat(SchemaComparator.differences(Workspace.read(atTwenty, desired), Workspace.read(empty, desired)))
				.isEmpty();
			assertThat(workspace.runner(atTwenty).upgrade().status().pending()).isEmpty();
			assertThat(SchemaComparator.differences(Workspace.read(atTwenty, desired),
					Workspace.read(development, desired)))
				.isEmpty();
		}
	}

	/**
	 * Generate twenty revisions, each applied before the next is generated: tables,
	 * columns, foreign keys, indexes, a unique key, a check, a drop.
	 */
	private static Schema twentyRevisions(Workspace workspace) {
		Schema desired = null;
		for (int i = 1; i <= 20; i++) {
			int revision = i;
			TestSchemas.SchemaBuilder schema = TestSchemas.schema();
			for (int table = 1; table <= (revision + 1) / 2; table++) {
				int number = table;
				schema.table("t" + number, (t) -> {
					t.id().required("name", "varchar(100)");
					if (number > 1) {
						t.column("parent_id", "bigint")
							.foreignKey("parent_id", "t" + (number - 1), "id", ForeignKey.Action.NO_ACTION);
					}
					// Every even revision changes the newest table.
					if (number * 2 <= revision) {
						t.column("note", "text").index("name").check("length(name) > 0");
					}
					if (number == 1 && revision >= 3) {
						t.unique("name");
					}
					if (number == 1 && revision < 7) {
						t.column("obsolete", "int");
					}
					return t;
				});
			}
			desired = schema.build();
			workspace.generate(desired, DiffOptions.defaults(), "step " + revision);
			workspace.runner().upgrade();
		}
		return desired;
	}

	/**
	 * Squash up to the n-th revision, named by its id.
	 */
	private static Path squash(Workspace workspace, Migrate migrate, int upTo) {
		return squash(workspace, migrate,
				workspace.revisions().get(upTo - 1).getFileName().toString().substring(0, 14));
	}

	private static Path squash(Workspace workspace, Migrate migrate, String upTo) {
		return migrate.squash(upTo, workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "squash",
				ChangelogFormat.YAML);
	}

	private static String changeSets(TestDatabase database) {
		return database.queryForString("SELECT count(*) FROM databasechangelog");
	}

}
