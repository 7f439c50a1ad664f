package dev.migrate.hibernate;

import java.sql.Connection;
import java.util.List;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle: for every fixture, Hibernate's own DDL creates the schema in a fresh
 * database; what Migrate reads from the entities must equal what it reads from the
 * catalog.
 */
@PostgresTest
class EntitySchemaOracleTests {

	static List<Fixture> fixtures() {
		return Fixtures.all();
	}

	@Test
	void reportsEveryWayTheDatabaseDeviatesFromTheEntities() throws Exception {
		Fixture fixture = Fixtures.all().get(0);
		try (TestDatabase database = TestPostgres.createDatabase()) {
			HibernateDdl.create(fixture, database);
			database.execute("""
					ALTER TABLE basic_types ALTER COLUMN short_code TYPE varchar(60);
					ALTER TABLE basic_types ALTER COLUMN plain_text SET NOT NULL;
					ALTER TABLE basic_types ALTER COLUMN state SET DEFAULT 'final';
					ALTER TABLE basic_types DROP CONSTRAINT basic_types_unique_code_key;
					CREATE INDEX basic_types_counter ON basic_types (counter);
					ALTER TABLE basic_types ADD COLUMN surprise int;
					COMMENT ON TABLE basic_types IS 'changed by hand';
					""");
			Schema desired = new EntitySchemaReader(Dialects.postgresql()).read(fixture.entityClasses(),
					fixture.settings());
			try (Connection connection = database.connect()) {
				Schema actual = Dialects.postgresql()
					.readSchema(connection, desired.schemas(), MigrationRunner.LIQUIBASE_TABLES);
				assertThat(SchemaComparator.differences(desired, actual)).containsExactlyInAnyOrder(
						"table public.basic_types: column unexpected: Column[name=surprise, type=int4, nullable=true, defaultValue=null, identity=null, comment=null]",
						"table public.basic_types, column plain_text: nullable is false, expected true",
						"table public.basic_types, column short_code: type is varchar(60), expected varchar(50)",
						"table public.basic_types, column state: default is 'final', expected 'draft'",
						"table public.basic_types: unique constraint missing: UniqueConstraint[name=null, columns=[unique_code]]",
						"table public.basic_types: index unexpected: Index[name=basic_types_counter, keys=[counter], unique=false, predicate=null]",
						"table public.basic_types: comment is changed by hand, expected null");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void readsTheSameSchemaFromTheEntitiesAsFromTheDatabaseHibernateCreated(Fixture fixture) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String ddl = HibernateDdl.create(fixture, database);
			Dialect dialect = Dialects.postgresql();
			Schema desired = new EntitySchemaReader(dialect).read(fixture.entityClasses(), fixture.settings());
			Schema actual;
			try (Connection connection = database.connect()) {
				actual = Dialects.forConnection(connection)
					.readSchema(connection, desired.schemas(), MigrationRunner.LIQUIBASE_TABLES);
			}
			List<String> differences = SchemaComparator.differences(desired, actual);
			assertThat(differences)
				.as("differences between entities and database for fixture '%s'; Hibernate's DDL was:%n%s", fixture,
						ddl)
				.isEmpty();
			assertThat(desired.tables()).as("tables read from the entities").isNotEmpty();
		}
	}

}
