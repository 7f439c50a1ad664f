package dev.migrate.autoconfigure.relational;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle for Spring Data Relational mappings: for every fixture, the revision Migrate
 * generates on an empty database, once applied, leaves exactly the desired schema in the
 * catalog, and a re-diff is empty.
 */
@PostgresTest
class RelationalSchemaOracleTests {

	@TempDir
	Path root;

	static List<RelationalFixtures> fixtures() {
		return RelationalFixtures.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void theAppliedRevisionCreatesExactlyTheDesiredSchema(RelationalFixtures fixture) throws Exception {
		Schema desired = fixture.schema();
		MasterChangelog.writeIfMissing(this.root.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		try (TestDatabase database = TestPostgres.createDatabase()) {
			Migrate migrate = new Migrate(database.dataSource(), () -> desired, ChangelogFiles.inDirectory(this.root),
					MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(), RunnerOptions.defaults());
			Path revision = migrate
				.generate(this.root.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY),
						MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "create", ChangelogFormat.YAML)
				.orElseThrow();
			migrate.runner().upgrade();
			Schema actual;
			try (Connection connection = database.connect()) {
				actual = Dialects.postgresql()
					.readSchema(connection, desired.schemas(), MigrationRunner.LIQUIBASE_TABLES);
			}
			assertThat(SchemaComparator.differences(desired, actual))
				.as("database after applying %s:%n%s", revision.getFileName(), Files.readString(revision))
				.isEmpty();
			assertThat(migrate.diff().changes()).as("re-diff").isEmpty();
			assertThat(desired.tables()).as("tables read from the mappings").isNotEmpty();
		}
	}

}
