package dev.migrate.core.evolution;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangeSetRef;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.core.runner.UpgradeResult;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static dev.migrate.core.evolution.TestSchemas.schema;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A destructive changeset held back holds back what depends on it (what touches the same
 * table), not every changeset after it.
 */
@PostgresTest
class HoldBackTests {

	@Test
	void appliesSafeChangesetsAfterAHeldBackDestructiveOneUnlessTheyTouchItsTable() throws Exception {
		Schema v1 = schema().table("person", (t) -> t.id().column("name", "text").column("legacy", "text"))
			.table("pet", (t) -> t.id().column("name", "text"))
			.build();
		Schema v2 = schema().table("person", (t) -> t.id().column("name", "text"))
			.table("pet", (t) -> t.id().column("name", "text"))
			.build();
		Schema v3 = schema().table("person", (t) -> t.id().column("name", "text").column("email", "text"))
			.table("pet", (t) -> t.id().column("name", "text").column("age", "int4"))
			.build();
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			workspace.generate(v1, DiffOptions.defaults(), "one");
			workspace.runner().upgrade();
			workspace.generate(v2, DiffOptions.defaults(), "drop legacy");
			workspace.runner().upgrade();
			workspace.generate(v3, DiffOptions.defaults(), "add email and age");
			workspace.runner().downgrade(1);

			MigrationRunner cautious = workspace.runner(RunnerOptions.defaults());
			assertThat(cautious.status().blocked()).extracting(ChangeSetRef::description)
				.satisfiesExactly((drop) -> assertThat(drop).contains("drop column public.person.legacy"),
						(email) -> assertThat(email).contains("add column public.person.email"));
			UpgradeResult result = cautious.upgrade();
			assertThat(result.applied()).extracting(ChangeSetRef::description)
				.singleElement()
				.satisfies((age) -> assertThat(age).contains("add column public.pet.age"));
			assertThat(result.blocked()).hasSize(2);
			assertThat(columns(database)).isEqualTo("person.id,person.legacy,person.name,pet.age,pet.id,pet.name");
			assertThat(cautious.status().blocked()).hasSize(2);

			assertThat(workspace.runner().upgrade().applied()).hasSize(2);
			assertThat(SchemaComparator.differences(v3, workspace.read(v3))).isEmpty();
			assertThat(cautious.status().blocked()).isEmpty();
		}
	}

	private static String columns(TestDatabase database) {
		return database.queryForString("SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name,"
				+ " column_name) FROM information_schema.columns WHERE table_schema = 'public'"
				+ " AND table_name IN ('person', 'pet')");
	}

}
