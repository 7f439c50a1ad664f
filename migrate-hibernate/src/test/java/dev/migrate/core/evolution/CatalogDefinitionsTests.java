package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.schema.Schema;
import dev.migrate.hibernate.EntitySchemaReader;
import dev.migrate.hibernate.HibernateDdl;
import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strictest oracle: for every fixture, the database Migrate builds from an empty one
 * stores exactly the definitions Hibernate's own {@code create} stores, as PostgreSQL
 * prints them back ({@code pg_get_constraintdef}, {@code pg_get_expr},
 * {@code pg_get_indexdef}), not only definitions Migrate finds equal: a check or default
 * written in another form than the entity's is stored in another form.
 */
@PostgresTest
class CatalogDefinitionsTests {

	private static final String DEFINITIONS = """
			SELECT c.conrelid::regclass::text || ' ' || c.contype::text || ' ' || pg_get_constraintdef(c.oid)
			FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.relname NOT LIKE 'databasechangelog%'
			UNION ALL
			SELECT a.attrelid::regclass::text || '.' || a.attname || ' default ' || pg_get_expr(d.adbin, d.adrelid)
			FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			JOIN pg_class t ON t.oid = d.adrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.relname NOT LIKE 'databasechangelog%'
			UNION ALL
			SELECT i.indrelid::regclass::text || ' index '
			    || regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ON', 'CREATE \\1INDEX ON')
			FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.relname NOT LIKE 'databasechangelog%'
			ORDER BY 1
			""";

	static List<Fixture> fixtures() {
		return Fixtures.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void migrateStoresTheDefinitionsHibernatesOwnCreateStores(Fixture fixture) throws Exception {
		Schema desired = new EntitySchemaReader(Dialects.postgresql()).read(fixture.entityClasses(),
				fixture.settings());
		try (TestDatabase hibernate = TestPostgres.createDatabase();
				TestDatabase migrated = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(migrated)) {
			String ddl = HibernateDdl.create(fixture, hibernate);
			Path revision = workspace.generate(desired, DiffOptions.defaults(), "create " + fixture.name());
			workspace.runner().upgrade();
			assertThat(definitions(migrated))
				.as("Hibernate's DDL:%n%s%nMigrate's revision:%n%s", ddl, Files.readString(revision))
				.containsExactlyElementsOf(definitions(hibernate));
		}
	}

	private static List<String> definitions(TestDatabase database) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(DEFINITIONS)) {
			while (rows.next()) {
				definitions.add(rows.getString(1));
			}
		}
		return definitions;
	}

}
