package dev.migrate.autoconfigure;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.app.v1.PeopleApplication;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that ran Spring Boot's Liquibase integration keeps its changelog:
 * pointed at it, Migrate includes its revision folder there, writes what the entities add
 * into that folder, and a database Spring Boot's Liquibase migrated applies only that;
 * the changelog stays one that Liquibase itself runs.
 */
@PostgresTest
@Tag(PostgresTest.DEFAULT_MAJOR_ONLY)
class LiquibaseChangelogAdoptionTests {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	@TempDir
	Path source;

	@Test
	void migrateUsesSpringBootsLiquibaseChangelogAsItsMasterChangelog() throws Exception {
		Path master = this.source.resolve(CHANGELOG);
		Files.createDirectories(master.getParent());
		Files.writeString(master, """
				databaseChangeLog:
				  - changeSet:
				      id: 1
				      author: team
				      changes:
				        - createTable:
				            tableName: person
				            columns:
				              - column:
				                  name: id
				                  type: bigint
				                  constraints:
				                    primaryKey: true
				                    nullable: false
				              - column:
				                  name: full_name
				                  type: varchar(100)
				""");
		try (TestDatabase development = TestPostgres.createDatabase();
				TestDatabase production = TestPostgres.createDatabase();
				TestDatabase fresh = TestPostgres.createDatabase()) {
			springBootLiquibase(development);
			springBootLiquibase(production);

			start(development, "migrate.mode=auto", "migrate.development=true").close();
			assertThat(Files.readString(master)).contains("- includeAll:").contains("path: changes/");
			List<Path> revisions = revisions();
			assertThat(revisions).singleElement()
				.satisfies((revision) -> assertThat(Files.readString(revision)).contains("person_seq")
					.contains("full_name")
					.contains("logicalFilePath: db/changelog/changes/"));
			start(development, "migrate.mode=auto", "migrate.development=true").close();
			assertThat(revisions()).as("a restart writes nothing").isEqualTo(revisions);
			assertThat(Files.readString(master)).as("nor changes the changelog again")
				.containsOnlyOnce("- includeAll:");

			start(production, "migrate.mode=apply").close();
			assertThat(production.queryForString(
					"SELECT string_agg(author || ':' || exectype, ',' ORDER BY orderexecuted) FROM databasechangelog"))
				.matches("team:EXECUTED(,migrate:EXECUTED)+");

			springBootLiquibase(fresh);
			assertThat(SchemaComparator.differences(AdoptionApplicationTests.read(development),
					AdoptionApplicationTests.read(fresh)))
				.as("Spring Boot's Liquibase runs the changelog Migrate extended")
				.isEmpty();
		}
	}

	/**
	 * Migrate the database as Spring Boot's Liquibase integration does: its
	 * {@code SpringLiquibase} on the classpath changelog.
	 */
	private void springBootLiquibase(TestDatabase database) throws Exception {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.source.toUri().toURL() },
				getClass().getClassLoader())) {
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(database.dataSource());
			liquibase.setChangeLog("classpath:" + CHANGELOG);
			liquibase.setResourceLoader(new DefaultResourceLoader(classLoader));
			liquibase.afterPropertiesSet();
		}
	}

	private ConfigurableApplicationContext start(TestDatabase database, String... properties) {
		String[] all = Stream.concat(Stream.of("migrate.changelog=" + CHANGELOG), Stream.of(properties))
			.toArray(String[]::new);
		return new PeopleStarts(this.source).builder(PeopleApplication.class, database, all).run();
	}

	private List<Path> revisions() throws Exception {
		Path changes = this.source.resolve("db/changelog/changes");
		if (!Files.isDirectory(changes)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes)) {
			return files.sorted().toList();
		}
	}

}
