package dev.migrate.core.evolution;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An online recipe runs outside a transaction, so a failure leaves its first steps done:
 * a unique index that failed to build stays behind INVALID, a check stays NOT VALID. Once
 * the data is fixed, the next run must complete the recipe and leave nothing of the
 * failed attempt behind.
 */
@PostgresTest
class OnlineRecipeRetryTests {

	private static final DiffOptions ONLINE = DiffOptions.defaults().withOnline(true);

	private static final Schema BEFORE = schema().table("person", (t) -> t.id().column("name", "varchar(50)")).build();

	@Test
	void aUniqueIndexThatFailedToBuildIsDroppedAndBuiltAgainOnTheNextRun() throws Exception {
		Schema after = schema().table("person", (t) -> t.id().column("name", "varchar(50)").unique("name")).build();
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			prepare(workspace, "INSERT INTO person VALUES (1, 'Ada'), (2, 'Ada')", after);
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner().upgrade())
				.withMessageContaining("person_name_key");
			assertThat(invalidIndexes(database)).isEqualTo("person_name_key");
			database.execute("UPDATE person SET name = 'Grace' WHERE id = 2");
			workspace.runner().upgrade();
			assertThat(invalidIndexes(database)).isNull();
			assertThat(SchemaComparator.differences(after, workspace.read(after))).isEmpty();
		}
	}

	@Test
	void aCheckThatFailedToValidateIsAddedAgainAndTheColumnSetNotNullOnTheNextRun() throws Exception {
		Schema after = schema().table("person", (t) -> t.id().required("name", "varchar(50)")).build();
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			prepare(workspace, "INSERT INTO person VALUES (1, 'Ada'), (2, NULL)", after);
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner().upgrade())
				.withMessageContaining("person_name_migrate_not_null");
			assertThat(database.queryForString("SELECT conname || ' ' || convalidated FROM pg_constraint"
					+ " WHERE conrelid = 'person'::regclass AND contype = 'c'"))
				.isEqualTo("person_name_migrate_not_null false");
			database.execute("UPDATE person SET name = 'Grace' WHERE id = 2");
			workspace.runner().upgrade();
			assertThat(database.queryForString(
					"SELECT count(*) FROM pg_constraint WHERE conrelid = 'person'::regclass AND contype = 'c'"))
				.isEqualTo("0");
			assertThat(SchemaComparator.differences(after, workspace.read(after))).isEmpty();
			assertThat(workspace.diff(after, ONLINE).changes()).isEmpty();
		}
	}

	private static void prepare(Workspace workspace, String rows, Schema after) {
		workspace.generate(BEFORE, DiffOptions.defaults(), "before");
		workspace.runner().upgrade();
		workspace.database().execute(rows);
		workspace.generate(after, ONLINE, "after");
	}

	private static String invalidIndexes(TestDatabase database) {
		return database.queryForString("SELECT string_agg(indexrelid::regclass::text, ',') FROM pg_index"
				+ " WHERE NOT indisvalid AND indrelid = 'person'::regclass");
	}

}
