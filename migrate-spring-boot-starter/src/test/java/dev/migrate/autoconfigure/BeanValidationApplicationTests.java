package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.autoconfigure.app.clinic.ClinicApplication;
import dev.migrate.core.Migrate;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.CatalogText;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with Bean Validation on its entities and a validator on the class path
 * (as with {@code spring-boot-starter-validation}): the database Migrate builds equals
 * the one Spring Boot's Hibernate {@code create} builds, so {@code ddl-auto=validate}, a
 * restart and {@code check} all agree with Hibernate.
 */
@PostgresTest
class BeanValidationApplicationTests {

	@TempDir
	Path source;

	@Test
	void buildsTheDatabaseHibernateBuildsWithBeanValidationApplied() throws Exception {
		try (TestDatabase hibernate = TestPostgres.createDatabase();
				TestDatabase migrated = TestPostgres.createDatabase()) {
			hibernateCreate(hibernate);
			try (ConfigurableApplicationContext context = start(migrated, "migrate.mode=auto")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().generated()).isNotNull();
			}
			List<Path> revisions = new PeopleStarts(this.source).revisions();
			assertThat(SchemaComparator.differences(AdoptionApplicationTests.read(hibernate),
					AdoptionApplicationTests.read(migrated)))
				.as("Hibernate's database against Migrate's, from %s", Files.readString(revisions.get(0)))
				.isEmpty();
			assertThat(CatalogText.withoutColumnOrder(migrated)).as("columns and constraints as PostgreSQL stores them")
				.isEqualTo(CatalogText.withoutColumnOrder(hibernate));
			assertThat(notNullColumns(migrated)).contains("owners.first_name", "owners.telephone", "pets.type_id",
					"pets.birth_date", "visits.description");
			try (ConfigurableApplicationContext context = start(migrated, "migrate.mode=auto")) {
				context.getBean(Migrate.class).check();
			}
			assertThat(new PeopleStarts(this.source).revisions()).as("a restart writes nothing").isEqualTo(revisions);
		}
	}

	@Test
	void leavesBeanValidationOutOfTheSchemaWhenHibernateIsToldTo() throws Exception {
		String off = "spring.jpa.properties.hibernate.validator.apply_to_ddl=false";
		try (TestDatabase hibernate = TestPostgres.createDatabase();
				TestDatabase migrated = TestPostgres.createDatabase()) {
			hibernateCreate(hibernate, off);
			start(migrated, "migrate.mode=auto", off).close();
			assertThat(SchemaComparator.differences(AdoptionApplicationTests.read(hibernate),
					AdoptionApplicationTests.read(migrated)))
				.isEmpty();
			assertThat(notNullColumns(migrated)).doesNotContain("owners.first_name", "pets.type_id");
		}
	}

	private void hibernateCreate(TestDatabase database, String... properties) {
		new PeopleStarts(this.source)
			.builder(ClinicApplication.class, database, "spring.jpa.hibernate.ddl-auto=create", "migrate.mode=none")
			.properties(properties)
			.run()
			.close();
	}

	private ConfigurableApplicationContext start(TestDatabase database, String... properties) {
		return new PeopleStarts(this.source).builder(ClinicApplication.class, database, "migrate.development=true")
			.properties(properties)
			.run();
	}

	private static String notNullColumns(TestDatabase database) {
		return database.queryForString("SELECT string_agg(table_name || '.' || column_name, ',') "
				+ "FROM information_schema.columns WHERE table_schema = 'public' AND is_nullable = 'NO'");
	}

}
