package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import dev.migrate.core.PossibleRenameException;
import dev.migrate.core.changelog.MasterChangelog;
import dev.migrate.core.diff.PossibleRename;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user reads when Migrate stops the start: the failures of real starts against
 * PostgreSQL, analyzed.
 */
@PostgresTest
class MigrateFailureAnalyzerTests {

	@TempDir
	Path source;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withBean(EntitySchemaSource.class, () -> () -> NoteSchema.NOTE);

	@Test
	void isRegisteredAsASpringBootFailureAnalyzer() {
		// Others need a bean factory to be made; this one only its registration.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(MigrateFailureAnalyzer.class);
	}

	@Test
	void aPossibleRenameSaysHowToConfirmOrDenyIt() {
		FailureAnalysis analysis = analyze(new PossibleRenameException(
				List.of(new PossibleRename(new QualifiedName("public", "person"), "bio", "about")), null));
		assertThat(analysis.getDescription()).contains("column public.person.bio -> about");
		assertThat(analysis.getAction()).contains("migrate.diff.renames", "migrate.diff.not-renames",
				"MigrateCustomizer");
	}

	@Test
	void anApplicationLoginWithoutGrantsSaysToRunThem() {
		FailureAnalysis analysis = analyze(new ApplicationPrivileges.MissingApplicationPrivilegesException("owner",
				"app", List.of("GRANT USAGE ON SEQUENCE public.member_seq TO app")));
		assertThat(analysis.getDescription()).contains("GRANT USAGE ON SEQUENCE public.member_seq TO app");
		assertThat(analysis.getAction()).contains("Run the statements above", "migrate.check-application-privileges");
	}

	@Test
	void anUnreachableDatabaseSaysToCheckItsAddressAndCredentials() {
		developing().withPropertyValues("migrate.url=jdbc:postgresql://127.0.0.1:1/none", "migrate.user=nobody")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("cannot connect to the database at")
					.contains("127.0.0.1:1");
				assertThat(analysis.getAction()).contains("reachable", "migrate.url");
			});
	}

	@Test
	void severalUnmarkedDataSourcesSayHowToChooseOne() {
		developing().withBean("first", DataSource.class, SimpleDriverDataSource::new)
			.withBean("second", DataSource.class, SimpleDriverDataSource::new)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("2 DataSource beans");
				assertThat(analysis.getAction()).contains("@dev.migrate.autoconfigure.MigrateDataSource", "@Primary",
						"migrate.url");
			});
	}

	@Test
	void aMissingPrivilegeSaysToGrantItOrLogInAsAnotherUser() {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			String role = "reader_" + database.name();
			database.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret'");
			database.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			try {
				developing().withBean(DataSource.class, database::dataSource)
					.withPropertyValues("migrate.user=" + role, "migrate.password=secret")
					.run((context) -> {
						FailureAnalysis analysis = analyze(context.getStartupFailure());
						assertThat(analysis.getDescription()).contains("lacks a privilege");
						assertThat(analysis.getAction()).contains("Grant the privilege", "migrate.user");
					});
			}
			finally {
				database.execute("DROP ROLE " + role);
			}
		}
	}

	@Test
	void anEditedAppliedRevisionSaysToRevertTheEdit() throws IOException {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			developing().withBean(DataSource.class, database::dataSource)
				.run((context) -> assertThat(context).hasNotFailed());
			Path revision = revisions().get(0);
			Files.writeString(revision, Files.readString(revision).replace("bigint", "integer"));
			developing().withBean(DataSource.class, database::dataSource).run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("does not validate");
				assertThat(analysis.getAction()).contains("revert the edit");
			});
		}
	}

	@Test
	void pendingRevisionsInValidateModeSayToApplyThem() throws IOException {
		try (TestDatabase database = TestPostgres.createDatabase()) {
			Files.createDirectories(this.source);
			MasterChangelog.writeIfMissing(this.source.resolve(MasterChangelog.DEFAULT_PATH), "changes");
			Path changes = this.source.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY);
			Files.createDirectories(changes);
			Files.writeString(changes.resolve("20260101000000_note.yaml"), """
					databaseChangeLog:
					- changeSet:
					    id: 20260101000000-1
					    author: test
					    changes:
					    - sql:
					        sql: CREATE TABLE note (id bigint PRIMARY KEY)
					""");
			this.contextRunner.withClassLoader(sourceOnClassPath())
				.withBean(DataSource.class, database::dataSource)
				.withPropertyValues("migrate.mode=validate")
				.run((context) -> {
					FailureAnalysis analysis = analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("1 revision(s) are pending");
					assertThat(analysis.getAction()).contains("--migrate.command=upgrade");
				});
		}
	}

	private ApplicationContextRunner developing() {
		return this.contextRunner.withPropertyValues("migrate.mode=auto", "migrate.development=true",
				"migrate.source-directory=" + this.source);
	}

	private List<Path> revisions() throws IOException {
		try (var files = Files.list(this.source.resolve(MasterChangelog.DEFAULT_CHANGES_DIRECTORY))) {
			return files.sorted().toList();
		}
	}

	private URLClassLoader sourceOnClassPath() {
		try {
			return new URLClassLoader(new URL[] { this.source.toUri().toURL() }, getClass().getClassLoader());
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).as("the start failed").isNotNull();
		FailureAnalysis analysis = new MigrateFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("an analysis of " + failure).isNotNull();
		return analysis;
	}

}
