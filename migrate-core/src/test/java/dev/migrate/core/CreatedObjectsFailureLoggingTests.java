package dev.migrate.core;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.RecordedLog;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A diff that finds indexes only the database has asks the changelog which of them its
 * generated revisions created; when the changelog cannot be read, the diff keeps them
 * (the safe side) and says why at debug level instead of swallowing the failure.
 */
@PostgresTest
class CreatedObjectsFailureLoggingTests {

	@TempDir
	Path resources;

	@Test
	void aChangelogThatCannotBeReadForWhatItCreatedIsLoggedAtDebug(TestDatabase database) throws Exception {
		database.execute("CREATE TABLE person (id bigint PRIMARY KEY, name text)");
		database.execute("CREATE INDEX person_name ON person (name)");
		Table person = new Table(new QualifiedName("public", "person"),
				List.of(new Column("id", ColumnType.of("int8"), false, null, null, null),
						new Column("name", ColumnType.of("text"), true, null, null, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		Schema desired = new Schema(new TreeSet<>(List.of("public")), List.of(person), List.of(), List.of());
		// No master changelog in the resources.
		Migrate migrate = new Migrate(database.dataSource(), () -> desired, ChangelogFiles.inDirectory(this.resources),
				MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(), RunnerOptions.defaults());
		try (RecordedLog log = RecordedLog.of(Migrate.class)) {
			SchemaDiff diff = migrate.diff();
			assertThat(diff.changes()).isEmpty();
			assertThat(diff.unmapped()).singleElement()
				.satisfies((change) -> assertThat(change.description()).contains("person_name"));
			assertThat(log.debug()).singleElement().satisfies((record) -> {
				assertThat(record.getMessage()).startsWith("Could not read what the changelog "
						+ MasterChangelog.DEFAULT_PATH + "'s generated revisions created");
				assertThat(record.getThrown()).isNotNull();
			});
		}
	}

}
