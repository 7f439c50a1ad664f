package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.runner.Revision;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.hibernate.EntitySchemaReader;
import dev.migrate.hibernate.HibernateDdl;
import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Adopting a database whose schema Hibernate's {@code create} built: the baseline changes
 * nothing there, builds the same schema on an empty database, and is recorded as applied
 * on another copy.
 */
@PostgresTest
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class BaselineTests {

	static List<Fixture> fixtures() {
		return Fixtures.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void aBaselineOfAHibernateBuiltDatabaseChangesNothingThereAndBuildsTheSameSchemaOnAnEmptyOne(Fixture fixture)
			throws Exception {
		Schema desired = new EntitySchemaReader(Dialects.postgresql()).read(fixture.entityClasses(),
				fixture.settings());
		try (TestDatabase adopted = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				TestDatabase copy = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(adopted)) {
			HibernateDdl.create(fixture, adopted);
			HibernateDdl.create(fixture, copy);
			Schema before = Workspace.read(adopted, desired);
			String fingerprint = Workspace.fingerprint(adopted);
			List<String> catalog = CatalogComparisons.of(adopted);
			Path baseline = baseline(workspace, workspace.migrate(adopted, desired));
			assertThat(workspace.revisions()).containsExactly(baseline);
			workspace.runner().upgrade();
			assertThat(Workspace.fingerprint(adopted)).as("the adopted database's catalog").isEqualTo(fingerprint);
			assertThat(execType(adopted)).isEqualTo("MARK_RAN");
			workspace.runner(empty).upgrade();
			assertThat(execType(empty)).isEqualTo("EXECUTED");
			assertThat(SchemaComparator.differences(before, Workspace.read(empty, desired)))
				.as("an empty database built from %s:%n%s", baseline.getFileName(), Files.readString(baseline))
				.isEmpty();
			assertThat(CatalogComparisons.of(empty))
				.as("the catalog of an empty database built from %s:%n%s", baseline.getFileName(),
						Files.readString(baseline))
				.containsExactlyElementsOf(catalog);
			String copyFingerprint = Workspace.fingerprint(copy);
			assertThat(workspace.runner(copy).upgrade().status().applied()).hasSize(1);
			assertThat(execType(copy)).isEqualTo("MARK_RAN");
			assertThat(Workspace.fingerprint(copy)).isEqualTo(copyFingerprint);
			assertThat(workspace.migrate(adopted, desired).diff().changes()).as("entities against the baseline")
				.isEmpty();
		}
	}

	@Test
	void aBaselineOfEverySchemaOfTheEvolutionsBuildsTheSameCatalogOnAnEmptyDatabase() throws Exception {
		Schema desired = EvolutionSchemas.all();
		try (TestDatabase adopted = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				Workspace built = new Workspace(adopted);
				Workspace workspace = new Workspace(adopted)) {
			built.generate(desired, DiffOptions.defaults(), "all");
			built.runner().upgrade();
			adopted.execute("DROP TABLE databasechangelog, databasechangeloglock");
			List<String> catalog = CatalogComparisons.of(adopted);
			Path baseline = baseline(workspace, workspace.migrate(adopted, desired));
			workspace.runner(empty).upgrade();
			assertThat(execType(empty)).isEqualTo("EXECUTED");
			assertThat(CatalogComparisons.of(empty))
				.as("the catalog of an empty database built from %s:%n%s", baseline.getFileName(),
						Files.readString(baseline))
				.containsExactlyElementsOf(catalog);
		}
	}

	@ParameterizedTest
	@EnumSource(ChangelogFormat.class)
	void aBaselineIsGuardedTheSameWayInEveryFormat(ChangelogFormat format) throws Exception {
		Schema desired = TestSchemas.schema().table("a", (t) -> t.id()).table("b", (t) -> t.id()).build();
		try (TestDatabase adopted = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase();
				TestDatabase half = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(adopted)) {
			adopted.execute("CREATE TABLE a (id bigint PRIMARY KEY)");
			adopted.execute("CREATE TABLE b (id bigint PRIMARY KEY)");
			half.execute("CREATE TABLE a (id bigint PRIMARY KEY)");
			Path baseline = workspace.migrate(adopted, desired)
				.baseline(workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "baseline", format)
				.orElseThrow();
			assertThat(baseline.getFileName().toString()).endsWith((format == ChangelogFormat.XML) ? ".xml" : ".yaml");
			workspace.runner().upgrade();
			assertThat(execType(adopted)).isEqualTo("MARK_RAN");
			workspace.runner(empty).upgrade();
			assertThat(execType(empty)).isEqualTo("EXECUTED");
			assertThat(SchemaComparator.differences(Workspace.read(adopted, desired), Workspace.read(empty, desired)))
				.isEmpty();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner(half).upgrade())
				.withMessageContaining("has 1 of the 2 tables of the baseline");
		}
	}

	@Test
	void whatTheEntitiesAddIsLeftToTheNextOrdinaryRevision() throws Exception {
		Schema desired = TestSchemas.schema()
			.table("author", (t) -> t.id().required("name", "varchar(100)").column("bio", "text"))
			.build();
		try (TestDatabase adopted = TestPostgres.createDatabase(); Workspace workspace = new Workspace(adopted)) {
			adopted.execute("CREATE TABLE author (id bigint PRIMARY KEY, name varchar(100) NOT NULL)");
			adopted.execute("CREATE TABLE legacy (id int)");
			Migrate migrate = workspace.migrate(adopted, desired);
			Path baseline = baseline(workspace, migrate);
			assertThat(Files.readString(baseline)).contains("author").doesNotContain("legacy").doesNotContain("bio");
			migrate.runner().upgrade();
			assertThat(migrate.diff().changes()).singleElement()
				.satisfies((change) -> assertThat(change.description()).contains("bio"));
		}
	}

	@Test
	void aDatabaseWithOnlySomeOfTheBaselineTablesStopsWithAMessage() throws Exception {
		Schema desired = TestSchemas.schema().table("a", (t) -> t.id()).table("b", (t) -> t.id()).build();
		try (TestDatabase adopted = TestPostgres.createDatabase();
				TestDatabase half = TestPostgres.createDatabase();
				Workspace workspace = new Workspace(adopted)) {
			adopted.execute("CREATE TABLE a (id bigint PRIMARY KEY)");
			adopted.execute("CREATE TABLE b (id bigint PRIMARY KEY)");
			half.execute("CREATE TABLE a (id bigint PRIMARY KEY)");
			baseline(workspace, workspace.migrate(adopted, desired));
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> workspace.runner(half).upgrade())
				.withMessageContaining("has 1 of the 2 tables of the baseline");
			assertThat(half.queryForString("SELECT to_regclass('b') IS NULL")).isEqualTo("t");
		}
	}

	@Test
	void aBaselineIsRefusedWhereRevisionsExistAndIsNeverRolledBack() throws Exception {
		Schema desired = TestSchemas.schema().table("a", (t) -> t.id()).build();
		try (TestDatabase adopted = TestPostgres.createDatabase(); Workspace workspace = new Workspace(adopted)) {
			adopted.execute("CREATE TABLE a (id bigint PRIMARY KEY)");
			Migrate migrate = workspace.migrate(adopted, desired);
			baseline(workspace, migrate);
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> baseline(workspace, migrate))
				.withMessageContaining("has 1 revision(s)");
			assertThat(workspace.revisions()).hasSize(1);
			migrate.runner().upgrade();
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrate.runner().downgrade(1))
				.withMessageContaining("is a baseline and is not rolled back");
			assertThat(adopted.queryForString("SELECT to_regclass('a') IS NOT NULL")).isEqualTo("t");
			assertThat(migrate.runner().status().applied()).extracting(Revision::name).hasSize(1);
		}
	}

	@Test
	void anEmptyDatabaseGetsNoBaseline() throws Exception {
		Schema desired = TestSchemas.schema().table("a", (t) -> t.id()).build();
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			assertThat(workspace.migrate(database, desired)
				.baseline(workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "baseline",
						ChangelogFormat.YAML))
				.isEmpty();
			assertThat(workspace.revisions()).isEmpty();
		}
	}

	private static Path baseline(Workspace workspace, Migrate migrate) {
		return migrate
			.baseline(workspace.changesDirectory(), MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "baseline",
					ChangelogFormat.YAML)
			.orElseThrow();
	}

	private static String execType(TestDatabase database) {
		return database.queryForString("SELECT string_agg(exectype, ',') FROM databasechangelog");
	}

}
