package dev.migrate.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migrate.autoconfigure.MigrateApplicationTests.ExitCalled;
import dev.migrate.core.PossibleRenameException;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The rename walkthrough of the README, as a developer goes through it: rename a field,
 * start, read the message, confirm, start again, and downgrade.
 */
@PostgresTest
class RenameApplicationTests {

	@TempDir
	Path source;

	@Test
	void aRenamedFieldStopsTheStartUntilConfirmedThenKeepsTheValueAndDowngradesBack() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			withBio(database);
			Throwable failure = catchThrowable(
					() -> start(dev.migrate.autoconfigure.app.renamed.PeopleApplication.class, database).close());
			assertThat(failure).rootCause()
				.isInstanceOf(PossibleRenameException.class)
				.hasMessageContaining("column public.person.bio -> about")
				.hasMessageContaining("set migrate.diff.renames=public.person.bio=about")
				.hasMessageContaining("@dev.migrate.mapping.RenamedFrom(\"bio\")")
				.hasMessageContaining("set migrate.diff.not-renames=public.person.bio=about");
			assertThat(starts().revisions()).as("no revision holds the drop and add").hasSize(1);
			try (ConfigurableApplicationContext context = start(
					dev.migrate.autoconfigure.app.renamed.PeopleApplication.class, database,
					"migrate.diff.renames=person.bio=about")) {
				assertThat(context.getBean(MigrateInitializer.class).lastRun().successful()).isTrue();
			}
			assertThat(starts().revisions()).hasSize(2);
			assertThat(Files.readString(starts().revisions().get(1))).contains("renameColumn")
				.doesNotContain("dropColumn");
			assertThat(database.queryForString("SELECT about FROM person WHERE id = 1")).isEqualTo("Analyst");
			assertThat(downgrade(database)).isZero();
			assertThat(database.queryForString("SELECT bio FROM person WHERE id = 1")).isEqualTo("Analyst");
		}
	}

	@Test
	void aRenameTheEntityDeclaresNeedsNoProperty() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			withBio(database);
			start(dev.migrate.autoconfigure.app.annotated.PeopleApplication.class, database).close();
			assertThat(database.queryForString("SELECT about FROM person WHERE id = 1")).isEqualTo("Analyst");
		}
	}

	@Test
	void aDeniedRenameAddsTheColumnAndHoldsBackTheDrop() throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			withBio(database);
			start(dev.migrate.autoconfigure.app.renamed.PeopleApplication.class, database,
					"migrate.diff.not-renames=person.bio=about")
				.close();
			assertThat(database.queryForString("SELECT coalesce(about, '-') || ' ' || bio FROM person WHERE id = 1"))
				.isEqualTo("- Analyst");
		}
	}

	private void withBio(TestDatabase database) {
		start(dev.migrate.autoconfigure.app.v2.PeopleApplication.class, database).close();
		database.execute("INSERT INTO person (id, full_name, bio) VALUES (1, 'Ada', 'Analyst')");
	}

	private int downgrade(TestDatabase database) {
		AtomicInteger exitCode = new AtomicInteger(-1);
		SpringApplicationBuilder builder = starts()
			.builder(dev.migrate.autoconfigure.app.renamed.PeopleApplication.class, database,
					"migrate.command=downgrade", "migrate.count=1")
			.initializers((context) -> context.getBeanFactory().registerSingleton("testExit", (MigrateExit) (code) -> {
				exitCode.set(code);
				throw new ExitCalled();
			}));
		assertThat(catchThrowable(builder::run)).hasRootCauseInstanceOf(ExitCalled.class);
		return exitCode.get();
	}

	private ConfigurableApplicationContext start(Class<?> application, TestDatabase database, String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "migrate.mode=auto";
		System.arraycopy(properties, 0, all, 1, properties.length);
		return starts().builder(application, database, all).run();
	}

	private PeopleStarts starts() {
		return new PeopleStarts(this.source);
	}

}
