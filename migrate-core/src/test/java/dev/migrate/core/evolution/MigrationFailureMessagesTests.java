package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a failed run tells its user: where it tried to migrate, what was applied before
 * the failure, and what to do.
 */
@PostgresTest
class MigrationFailureMessagesTests {

	@Test
	void aDatabaseThatCannotBeReachedIsNamedByItsMaskedUrlAndUser() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(schema().table("a", (t) -> t.id()).build(), DiffOptions.defaults(), "one");
			PGSimpleDataSource unreachable = new PGSimpleDataSource();
			unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/shop?password=secret&connectTimeout=2");
			unreachable.setUser("app");
			unreachable.setPassword("secret");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner(unreachable).upgrade())
				.withMessageStartingWith(
						"Cannot migrate db/migrate/changelog.yaml on jdbc:postgresql://127.0.0.1:1/shop"
								+ " as user 'app': ")
				.withMessageContaining("Nothing was applied. Check that the database is reachable")
				.withMessageNotContaining("secret");
		}
	}

	@Test
	void aRevisionThatFailsSaysWhichChangesetsWereAppliedBeforeIt() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path one = workspace.generate(schema().table("a", (t) -> t.id()).build(), DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			Path two = workspace.generate(schema().table("a", (t) -> t.id()).table("b", (t) -> t.id()).build(),
					DiffOptions.defaults(), "two");
			workspace.runner().downgradeTo("base");
			database.execute("CREATE TABLE b (id bigint)");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner().upgrade())
				.withMessageStartingWith("Migration of db/migrate/changelog.yaml on " + database.jdbcUrl())
				.withMessageContaining(two.getFileName().toString())
				.withMessageContaining("relation \"b\" already exists")
				.withMessageContaining("Fix what the database reports")
				.withMessageContaining("Applied before the failure, and kept (1): [" + "db/migrate/changes/"
						+ one.getFileName() + "::")
				.withMessageEndingWith("; the next upgrade starts after them.");
			assertThat(database.queryForString("SELECT count(*) FROM databasechangelog")).isEqualTo("1");
		}
	}

	@Test
	void aChangesetOutsideATransactionThatCannotCommitSaysItWasRolledBackAndWhatToDo() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path one = workspace.generate(schema().table("a", (t) -> t.id()).build(), DiffOptions.defaults(), "one");
			database.execute("CREATE TABLE parent (id int PRIMARY KEY)");
			database.execute(
					"CREATE TABLE child (id int, parent_id int REFERENCES parent" + " DEFERRABLE INITIALLY DEFERRED)");
			Files.writeString(workspace.changesDirectory().resolve("29990101000000_orphan.yaml"), """
					databaseChangeLog:
					- changeSet:
					    id: orphan
					    author: test
					    runInTransaction: false
					    changes:
					    - sql:
					        sql: INSERT INTO child VALUES (1, 999)
					      rollback: DELETE FROM child
					""");
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner().upgrade())
				.withMessageStartingWith("Cannot commit ")
				.withMessageContaining(
						"29990101000000_orphan.yaml::orphan::test, which runs outside Liquibase's" + " transaction: ")
				.withMessageContaining("violates foreign key constraint")
				.withMessageContaining("What it did was rolled back and it is not recorded as applied")
				.withMessageContaining("then upgrade again.")
				.withMessageContaining(
						"Applied before the failure, and kept (1): [db/migrate/changes/" + one.getFileName());
			assertThat(database.queryForString("SELECT count(*) FROM child")).isEqualTo("0");
		}
	}

	@Test
	void aRevisionThatCannotBeWrittenSaysNothingWasWrittenOrChangedAndWhatToDo() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path notAFolder = workspace.root().resolve("not-a-folder");
			Files.writeString(notAFolder, "a file where the revisions' folder should be");
			dev.migrate.core.Migrate migrate = workspace.migrate(database, schema().table("a", (t) -> t.id()).build());
			assertThatExceptionOfType(dev.migrate.core.exception.MigrateException.class)
				.isThrownBy(() -> migrate.generate(notAFolder.resolve("changes"), "changes", "a",
						dev.migrate.core.changelog.ChangelogFormat.YAML))
				.withMessageStartingWith("Cannot write a revision to " + notAFolder.resolve("changes") + ": ")
				.withMessageEndingWith(". Nothing was written there, and the database was not changed. Make the folder"
						+ " writable (or set migrate.source-directory to one that is), then run again.");
			assertThat(database.queryForString("SELECT to_regclass('a') IS NULL")).isEqualTo("t");
		}
	}

}
