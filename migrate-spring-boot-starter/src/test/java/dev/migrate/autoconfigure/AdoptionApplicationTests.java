package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.autoconfigure.app.shop.ShopApplication;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.runner.MigrationRunner;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding Migrate to an application whose database Hibernate's {@code create} (or
 * {@code update}, or Flyway) built: the first development start writes a baseline and
 * changes nothing in that database, a new database built from it equals it, and another
 * copy of it starts and records the baseline as applied.
 */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class AdoptionApplicationTests {

	@TempDir
	Path source;

	@Test
	void adoptingAHibernateBuiltDatabaseWritesOneBaselineAndChangesNothingThere(CapturedOutput output)
			throws Exception {
		try (TestDatabase adopted = TestPostgres.createDatabase();
				TestDatabase copy = TestPostgres.createDatabase();
				TestDatabase empty = TestPostgres.createDatabase()) {
			hibernateCreate(ShopApplication.class, adopted);
			hibernateCreate(ShopApplication.class, copy);
			Schema before = read(adopted);
			String fingerprint = fingerprint(adopted);
			try (ConfigurableApplicationContext context = start(ShopApplication.class, adopted, "migrate.mode=auto")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).contains("_baseline.yaml");
			}
			List<Path> revisions = revisions();
			assertThat(revisions).singleElement()
				.satisfies((revision) -> assertThat(revision.getFileName().toString()).endsWith("_baseline.yaml"));
			assertThat(output.getOut()).contains("Migrate adopted a database whose mapped tables are already there");
			assertThat(fingerprint(adopted)).as("the adopted database's catalog").isEqualTo(fingerprint);
			assertThat(execTypes(adopted)).isEqualTo("MARK_RAN");

			start(ShopApplication.class, adopted, "migrate.mode=auto").close();
			assertThat(revisions()).as("a restart writes nothing").isEqualTo(revisions);

			String copyFingerprint = fingerprint(copy);
			start(ShopApplication.class, copy, "migrate.mode=apply").close();
			assertThat(execTypes(copy)).isEqualTo("MARK_RAN");
			assertThat(fingerprint(copy)).isEqualTo(copyFingerprint);

			start(ShopApplication.class, empty, "migrate.mode=apply").close();
			assertThat(execTypes(empty)).isEqualTo("EXECUTED");
			assertThat(SchemaComparator.differences(before, read(empty)))
				.as("a new database built from %s", Files.readString(revisions.get(0)))
				.isEmpty();
		}
	}

	@Test
	void whatTheEntitiesChangedSinceGoesIntoAnOrdinaryRevisionAfterTheBaseline(CapturedOutput output) throws Exception {
		try (TestDatabase adopted = TestPostgres.createDatabase()) {
			hibernateCreate(dev.migrate.autoconfigure.app.v1.PeopleApplication.class, adopted);
			adopted.execute("CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY)");
			start(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, adopted, "migrate.mode=auto").close();
			assertThat(revisions()).hasSize(2);
			assertThat(revisions().get(0).getFileName().toString()).endsWith("_baseline.yaml");
			assertThat(Files.readString(revisions().get(0))).contains("full_name")
				.doesNotContain("bio")
				.doesNotContain("flyway");
			assertThat(Files.readString(revisions().get(1))).contains("bio");
			assertThat(execTypes(adopted)).isEqualTo("MARK_RAN,EXECUTED");
			assertThat(output.getOut()).contains("This database has Flyway's flyway_schema_history")
				.contains("spring.flyway.enabled=false");
			assertThat(adopted.queryForString("SELECT to_regclass('flyway_schema_history') IS NOT NULL"))
				.isEqualTo("t");
		}
	}

	@Test
	void anEmptyDatabaseGetsAnOrdinaryFirstRevisionNotABaseline() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			start(ShopApplication.class, database, "migrate.mode=auto").close();
			assertThat(revisions()).singleElement()
				.satisfies((revision) -> assertThat(revision.getFileName().toString())
					.endsWith("_create_customer_and_purchase_order.yaml"));
			assertThat(execTypes(database)).as("every changeset (one per table) ran").matches("EXECUTED(,EXECUTED)*");
		}
	}

	private void hibernateCreate(Class<?> application, TestDatabase database) {
		new PeopleStarts(this.source)
			.builder(application, database, "spring.jpa.hibernate.ddl-auto=create", "migrate.mode=none")
			.run()
			.close();
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database, String mode) {
		return new PeopleStarts(this.source).builder(application, database, mode, "migrate.development=true").run();
	}

	private List<Path> revisions() {
		return new PeopleStarts(this.source).revisions();
	}

	private static String execTypes(TestDatabase database) {
		return database
			.queryForString("SELECT string_agg(exectype, ',' ORDER BY orderexecuted) FROM databasechangelog");
	}

	static String fingerprint(TestDatabase database) throws Exception {
		try (Connection connection = database.connect()) {
			return Dialects.postgresql().catalogFingerprint(connection, MigrationRunner.LIQUIBASE_TABLES);
		}
	}

	static Schema read(TestDatabase database) throws Exception {
		try (Connection connection = database.connect()) {
			return Dialects.postgresql()
				.readSchema(connection, new TreeSet<>(List.of("public")), MigrationRunner.LIQUIBASE_TABLES);
		}
	}

}
