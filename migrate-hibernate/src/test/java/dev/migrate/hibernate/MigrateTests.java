package dev.migrate.hibernate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.Migrate;
import dev.migrate.core.changelog.ChangelogFormat;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.runner.ChangelogFiles;
import dev.migrate.core.runner.RunnerOptions;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.hibernate.fixtures.relations.Author;
import dev.migrate.hibernate.fixtures.relations.Award;
import dev.migrate.hibernate.fixtures.relations.Profile;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole loop from entities: check fails listing the changes, generate writes them,
 * upgrade applies them, check passes, and generate then finds nothing.
 */
@PostgresTest
class MigrateTests {

	@TempDir
	Path resources;

	@Test
	void checksGeneratesAndAppliesFromEntities(TestDatabase database) throws Exception {
		MasterChangelog.writeIfMissing(this.resources.resolve(MasterChangelog.DEFAULT_PATH), "changes");
		Migrate migrate = new Migrate(database.dataSource(),
				() -> new EntitySchemaReader(Dialects.postgresql())
					.read(List.of(Author.class, Profile.class, Award.class), Fixtures.springBootNaming()),
				ChangelogFiles.inDirectory(this.resources), MasterChangelog.DEFAULT_PATH, DiffOptions.defaults(),
				RunnerOptions.defaults());
		assertThatExceptionOfType(Migrate.SchemaMismatchException.class).isThrownBy(migrate::check)
			.withMessageContaining("create table public.author")
			.withMessageContaining("add foreign key [author_id] of public.award to public.author");
		Path changes = this.resources.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
		Path revision = migrate
			.generate(changes, MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "initial schema", ChangelogFormat.YAML)
			.orElseThrow();
		assertThat(revision.getFileName().toString()).endsWith("_initial_schema.yaml");
		migrate.runner().upgrade();
		migrate.check();
		assertThat(
				migrate.generate(changes, MasterChangelog.DEFAULT_CHANGES_DIRECTORY, "nothing", ChangelogFormat.YAML))
			.isEmpty();
		try (var files = Files.list(changes)) {
			assertThat(files).hasSize(1);
		}
	}

}
