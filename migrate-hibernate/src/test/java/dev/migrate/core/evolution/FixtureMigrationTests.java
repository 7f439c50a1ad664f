package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.hibernate.EntitySchemaReader;
import dev.migrate.hibernate.HibernateDdl;
import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.testsupport.CatalogText;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entity fixture, migrated from an empty database with generated changesets: the
 * database must then hold exactly the entities' schema, to the text PostgreSQL stores for
 * the database Hibernate's own DDL creates, a re-diff must be empty, and a full downgrade
 * must leave an empty database.
 */
@PostgresTest
class FixtureMigrationTests {

	static java.util.List<Fixture> fixtures() {
		return Fixtures.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void generatedChangesetsCreateExactlyTheEntitiesSchemaAndRollBackToNothing(Fixture fixture) throws Exception {
		Schema desired = new EntitySchemaReader(Dialects.postgresql()).read(fixture.entityClasses(),
				fixture.settings());
		try (TestDatabase database = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(database);
				TestDatabase hibernate = TestPostgres.createDatabase()) {
			Schema empty = workspace.read(desired);
			Path revision = workspace.generate(desired, DiffOptions.defaults(), "create " + fixture.name());
			assertThat(revision).isNotNull();
			workspace.runner().upgrade();
			assertThat(SchemaComparator.differences(desired, workspace.read(desired)))
				.as("database after applying %s:%n%s", revision.getFileName(), Files.readString(revision))
				.isEmpty();
			String ddl = HibernateDdl.create(fixture, hibernate);
			assertThat(CatalogText.withoutColumnOrder(database))
				.as("Migrate's database against Hibernate's, to the stored text; Hibernate's DDL:%n%s%nMigrate's:%n%s",
						ddl, Files.readString(revision))
				.isEqualTo(CatalogText.withoutColumnOrder(hibernate))
				.contains("column ", "constraint ", "index ");
			assertThat(workspace.diff(desired, DiffOptions.defaults()).changes()).as("re-diff").isEmpty();
			workspace.runner().downgradeTo("base");
			assertThat(SchemaComparator.differences(empty, workspace.read(desired))).as("after full downgrade")
				.isEmpty();
		}
	}

}
