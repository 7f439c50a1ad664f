package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core options supplied from code through {@link MigrateCustomizer} beans.
 */
@PostgresTest
class MigrateCustomizerTests {

	@TempDir
	Path source;

	@Test
	void aRenameSuppliedByACustomizerRenamesTheColumnKeepingItsData() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			starts().builder(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database, "migrate.mode=auto")
				.run()
				.close();
			database.execute("INSERT INTO person (id, full_name, bio) VALUES (1, 'Ada', 'Analyst')");
			MigrateCustomizer renames = (options) -> options.diff(options.diff()
				.withRenames(RenameHints.none().column(new QualifiedName("public", "person"), "bio", "about")));
			try (ConfigurableApplicationContext context = starts()
				.builder(dev.migrate.autoconfigure.app.renamed.PeopleApplication.class, database, "migrate.mode=auto")
				.initializers((initialized) -> initialized.getBeanFactory().registerSingleton("renames", renames))
				.run()) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().successful()).isTrue();
			}
			assertThat(starts().revisions()).hasSize(2);
			assertThat(Files.readString(starts().revisions().get(1))).contains("renameColumn")
				.doesNotContain("dropColumn");
			assertThat(database.queryForString("SELECT about FROM person WHERE id = 1")).isEqualTo("Analyst");
		}
	}

	@Test
	void customizersRunInOrderAfterTheProperties() {
		MigrateProperties properties = new MigrateProperties();
		properties.getDiff().setOnline(true);
		properties.getDiff().setExcludeTables(List.of("audit_*"));
		MigrateCustomizer first = (options) -> options
			.diff(options.diff().withExcludeTables(options.diff().excludeTables().get(0), "first"));
		MigrateCustomizer second = (options) -> options
			.diff(options.diff().withExcludeTables(options.diff().excludeTables().get(1), "second"));
		MigrateCustomizer runner = (options) -> options.runner(options.runner().withAllowDestructive(true));
		MigrateContext context = new MigrateContext(new SimpleDriverDataSource(), properties, () -> null,
				new DefaultResourceLoader(), false, List.of(first, second, runner));
		MigrateOptions options = context.options();
		assertThat(options.diff().online()).isTrue();
		assertThat(options.diff().excludeTables()).containsExactly("first", "second");
		assertThat(options.runner().allowDestructive()).isTrue();
	}

	private PeopleStarts starts() {
		return new PeopleStarts(this.source);
	}

}
