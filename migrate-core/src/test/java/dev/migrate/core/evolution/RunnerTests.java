package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.AppliedChangeSet;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.MigrationStatus;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Alembic command set on Liquibase: counts in revisions, status, history, stamp,
 * offline SQL, destructive changes held back, edited changesets refused.
 */
@PostgresTest
class RunnerTests {

	@Test
	void upgradesAndDowngradesByRevisionsAndToARevision() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = threeRevisions(database)) {
			MigrationRunner runner = workspace.runner();
			assertThat(runner.status().pending()).hasSize(3);
			assertThat(runner.status().current()).isNull();
			UpgradeResult first = runner.upgrade(1);
			assertThat(first.applied()).extracting(ChangeSetRef::file).allMatch((file) -> file.contains("_one.yaml"));
			assertThat(tables(database)).isEqualTo("a");
			runner.upgradeTo(revisionName(workspace, "_three"));
			assertThat(tables(database)).isEqualTo("a,b,c");
			MigrationStatus status = runner.status();
			assertThat(status.applied()).extracting(Revision::name).hasSize(3);
			assertThat(status.pending()).isEmpty();
			assertThat(status.current()).endsWith("_three.yaml");
			assertThat(runner.downgrade(2)).extracting(AppliedChangeSet::file)
				.allMatch((file) -> file.contains("_three") || file.contains("_two"));
			assertThat(tables(database)).isEqualTo("a");
			runner.upgrade();
			runner.downgradeTo(revisionName(workspace, "_one"));
			assertThat(tables(database)).isEqualTo("a");
			runner.downgradeTo("base");
			assertThat(tables(database)).isEqualTo("");
		}
	}

	@Test
	void upgradingToAnAppliedRevisionNamesTheCurrentRevisionWhatIsPendingAndTheNextStep() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = threeRevisions(database)) {
			MigrationRunner runner = workspace.runner();
			runner.upgrade(2);
			String one = revisionName(workspace, "_one");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> runner.upgradeTo(one))
				.withMessage("Revision " + one + " is already applied; the database is at revision "
						+ revisionName(workspace, "_two") + ", with 1 revision(s) pending: ["
						+ revisionName(workspace, "_three") + "]. Nothing was applied. To go back to " + one
						+ ", downgrade to it (migrate.command=downgrade with migrate.tag=" + one
						+ "); to apply what is pending, upgrade without a revision.");
			assertThat(tables(database)).isEqualTo("a,b");
		}
	}

	@Test
	void recordsHistoryStampsWithoutRunningAndWritesOfflineSql() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = threeRevisions(database)) {
			MigrationRunner runner = workspace.runner();
			String sql = runner.sql();
			assertThat(sql).contains("CREATE TABLE").contains("\"a\"").contains("\"c\"");
			assertThat(tables(database)).as("offline SQL applies nothing").isEqualTo("");
			runner.upgrade(2);
			assertThat(runner.history()).extracting(AppliedChangeSet::file)
				.anyMatch((file) -> file.contains("_one"))
				.anyMatch((file) -> file.contains("_two"))
				.noneMatch((file) -> file.contains("_three"));
			List<ChangeSetRef> stamped = runner.stamp();
			assertThat(stamped).extracting(ChangeSetRef::file).allMatch((file) -> file.contains("_three"));
			assertThat(tables(database)).as("stamp runs nothing").isEqualTo("a,b");
			assertThat(runner.status().pending()).isEmpty();
		}
	}

	@Test
	void holdsBackDestructiveChangesUnlessAllowed() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(
					schema().table("person", (t) -> t.id().column("name", "text").column("legacy", "text")).build(),
					DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			workspace.generate(schema().table("person", (t) -> t.id().column("name", "text")).build(),
					DiffOptions.defaults(), "drop legacy");
			MigrationRunner cautious = workspace.runner(RunnerOptions.defaults());
			assertThat(cautious.status().blocked()).singleElement().satisfies((changeSet) -> {
				assertThat(changeSet.destructive()).isTrue();
				assertThat(changeSet.description()).contains("drop column public.person.legacy")
					.contains("DESTRUCTIVE");
			});
			UpgradeResult result = cautious.upgrade();
			assertThat(result.applied()).isEmpty();
			assertThat(result.blocked()).hasSize(1);
			assertThat(database
				.queryForString("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy'"))
				.isEqualTo("1");
			assertThat(workspace.runner().upgrade().applied()).hasSize(1);
			assertThat(database
				.queryForString("SELECT count(*) FROM information_schema.columns WHERE column_name = 'legacy'"))
				.isEqualTo("0");
		}
	}

	@Test
	void refusesAnEditedAppliedChangesetNamingItAndAppliesNothing() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path first = workspace.generate(schema().table("a", (t) -> t.id().column("name", "varchar(20)")).build(),
					DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			Files.writeString(first, Files.readString(first).replace("varchar(20)", "varchar(30)"));
			workspace.generate(
					schema().table("a", (t) -> t.id().column("name", "varchar(20)")).table("b", (t) -> t.id()).build(),
					DiffOptions.defaults(), "two");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner().upgrade())
				.withMessageContaining("nothing was applied")
				.withMessageContaining(first.getFileName().toString())
				.withMessageContaining("-1-create_table_public_a::migrate")
				.withMessageContaining("edited after it was applied");
			assertThat(tables(database)).isEqualTo("a");
		}
	}

	@Test
	void appliesARevisionWrittenAfterTheOfflineSqlFoundNothingPendingInTheSameJvm() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(schema().table("a", (t) -> t.id()).build(), DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			// Liquibase remembers per JVM that this schema was up to date with this
			// changelog path, whatever the changelog holds later.
			assertThat(workspace.runner().sql()).doesNotContain("CREATE TABLE");
			workspace.generate(schema().table("a", (t) -> t.id()).table("b", (t) -> t.id()).build(),
					DiffOptions.defaults(), "two");
			assertThat(workspace.runner().upgrade().applied()).hasSize(1);
			assertThat(tables(database)).isEqualTo("a,b");
			assertThat(workspace.runner().status().pending()).isEmpty();
		}
	}

	/**
	 * Three revisions, each generated against the database the previous one left, then
	 * all rolled back so that all three are pending.
	 */
	private static Workspace threeRevisions(TestDatabase database) {
		Workspace workspace = new Workspace(database);
		TestSchemas.SchemaBuilder schema = schema();
		for (String table : List.of("a", "b", "c")) {
			schema.table(table, (t) -> t.id());
			workspace.generate(schema.build(), DiffOptions.defaults(),
					List.of("one", "two", "three").get(table.charAt(0) - 'a'));
			workspace.runner().upgrade();
		}
		workspace.runner().downgradeTo("base");
		return workspace;
	}

	private static String revisionName(Workspace workspace, String suffix) throws Exception {
		try (var files = Files.list(workspace.changesDirectory())) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.contains(suffix))
				.findFirst()
				.orElseThrow();
		}
	}

	private static String tables(TestDatabase database) {
		String tables = database
			.queryForString("SELECT coalesce(string_agg(relname, ',' ORDER BY relname), '') FROM pg_class"
					+ " WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname NOT LIKE 'databasechangelog%'");
		return tables;
	}

}
