package dev.migrate.core.evolution;

import java.nio.file.Path;
import java.sql.Connection;

import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Revisions in every format carry what a YAML one does: a rollback for every changeset,
 * and a guard that keeps a destructive changeset from running unless allowed, also when
 * the file is run by plain Liquibase.
 */
@PostgresTest
class RevisionFormatTests {

	@ParameterizedTest
	@EnumSource(ChangelogFormat.class)
	void guardsDestructiveChangesetsAndRollsBackEveryOne(ChangelogFormat format) throws Exception {
		Schema v1 = schema().table("person", (t) -> t.id().column("name", "varchar(50)").column("bio", "text")).build();
		Schema v2 = schema().table("person", (t) -> t.id().column("name", "varchar(50)")).build();
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Path created = workspace.generate(v1, DiffOptions.defaults(), "v1", format);
			assertThat(created.getFileName().toString()).endsWith("." + format.extension());
			workspace.runner().upgrade();
			database.execute("INSERT INTO person (id, name, bio) VALUES (1, 'Ada', 'Analyst')");
			workspace.generate(v2, DiffOptions.defaults(), "drop bio", format);

			Throwable plainLiquibase = catchThrowable(() -> liquibaseUpdate(workspace, database));
			assertThat(plainLiquibase).as("plain Liquibase, without %s", "migrate.allow-destructive")
				.hasStackTraceContaining("precondition");
			assertThat(bio(database)).as("bio after a refused destructive changeset").isTrue();

			workspace.runner(RunnerOptions.defaults().withAllowDestructive(true)).upgrade();
			assertThat(SchemaComparator.differences(v2, workspace.read(v2))).isEmpty();
			workspace.runner().downgrade(1);
			assertThat(SchemaComparator.differences(v1, workspace.read(v1)))
				.as("v1 again, from the %s rollback", format)
				.isEmpty();
			assertThat(database.queryForString("SELECT name FROM person")).isEqualTo("Ada");
			workspace.runner().downgrade(1);
			assertThat(database.queryForString("SELECT to_regclass('person') IS NULL")).isEqualTo("t");
		}
	}

	@SuppressWarnings("deprecation")
	private static void liquibaseUpdate(Workspace workspace, TestDatabase database) throws Exception {
		try (Connection connection = database.connect()) {
			liquibase.database.Database target = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (Liquibase liquibase = new Liquibase(MasterChangelog.DEFAULT_PATH,
					new DirectoryResourceAccessor(workspace.root()), target)) {
				liquibase.update("");
			}
		}
	}

	private static boolean bio(TestDatabase database) {
		return "1".equals(database.queryForString(
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'bio'"));
	}

}
