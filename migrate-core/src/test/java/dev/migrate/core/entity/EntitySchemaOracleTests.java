package dev.migrate.core.entity;

import java.sql.Connection;
import java.util.List;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.fixtures.Fixture;
import dev.migrate.core.fixtures.Fixtures;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
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

	static final List<String> LIQUIBASE_TABLES = List.of("databasechangelog", "databasechangeloglock");

	static List<Fixture> fixtures() {
		return Fixtures.all();
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
				actual = Dialects.forConnection(connection).readSchema(connection, desired.schemas(), LIQUIBASE_TABLES);
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
