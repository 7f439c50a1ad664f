package dev.migrate.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.migrate.autoconfigure.MigrateProperties.Command;
import dev.migrate.core.exception.MigrateException;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's output and exit code, in the order a developer would use them.
 */
@PostgresTest(database = PostgresTest.Scope.METHOD)
class MigrateCommandTests {

	@TempDir
	Path source;

	private final AtomicReference<Schema> desired = new AtomicReference<>(person(false));

	private final MigrateProperties properties = new MigrateProperties();

	private TestDatabase database;

	@BeforeEach
	void configure(TestDatabase database) {
		this.database = database;
		this.properties.setSourceDirectory(this.source.toString());
	}

	@Test
	void runsTheAlembicWorkflowWithHumanReadableOutputAndExitCodes() throws Exception {
		assertThat(run(Command.CHECK)).returns(1, Result::code)
			.satisfies((r) -> assertThat(r.output()).contains("1 change(s) between the database and the entities")
				.contains("create table public.person [SAFE")
				.contains("; lock: no lock that other sessions wait for]"));
		Result generated = run(Command.GENERATE);
		assertThat(generated.code()).isZero();
		assertThat(generated.output()).startsWith("Wrote ")
			.contains("_create_person.yaml")
			.contains("review and commit");
		assertThat(run(Command.STATUS).output()).contains("Current revision: (none)").contains("Pending revisions (1)");
		assertThat(run(Command.SQL).output()).contains("CREATE TABLE").contains("person");
		assertThat(table("person")).as("sql applies nothing").isFalse();
		assertThat(run(Command.UPGRADE).output()).startsWith("Applied 1 changeset(s)");
		assertThat(run(Command.STATUS).output()).contains("Applied revisions (1)").contains("Pending revisions (0)");
		assertThat(run(Command.CHECK)).returns(0, Result::code)
			.satisfies((r) -> assertThat(r.output()).contains("OK: the database matches the entities"));

		this.desired.set(person(true));
		this.properties.setMessage("add bio");
		assertThat(run(Command.GENERATE).output()).contains("_add_bio.yaml");
		this.properties.setCount(1);
		assertThat(run(Command.UPGRADE).output()).startsWith("Applied 1 changeset(s)");
		assertThat(column("bio")).isTrue();
		assertThat(run(Command.HISTORY).output().lines()).hasSize(2);
		this.properties.setCount(null);
		assertThat(run(Command.DOWNGRADE).output()).startsWith("Rolled back 1 changeset(s)").contains("_add_bio.yaml");
		assertThat(column("bio")).isFalse();
		this.properties.setTag("base");
		assertThat(run(Command.DOWNGRADE).code()).isZero();
		assertThat(table("person")).isFalse();
		this.properties.setTag(null);
		assertThat(run(Command.STAMP).output()).startsWith("Stamped 2 changeset(s)");
		assertThat(table("person")).as("stamp runs nothing").isFalse();
		assertThat(run(Command.STATUS).output()).contains("Pending revisions (0)");
	}

	@Test
	void refusesToGenerateWhileRevisionsArePendingBecauseTheNewOneWouldRepeatThem() throws Exception {
		assertThat(run(Command.GENERATE).code()).isZero();
		assertThat(this.source.resolve(this.properties.getChangelog())).as("the master changelog").exists();
		this.desired.set(person(true));
		assertThat(run(Command.GENERATE)).returns(2, Result::code)
			.satisfies(
					(r) -> assertThat(r.errors()).contains("1 revision(s) are pending").contains("run upgrade first"));
		try (Stream<Path> revisions = Files.list(this.source.resolve("db/migrate/changes"))) {
			assertThat(revisions).hasSize(1);
		}
	}

	@Test
	void printsErrorsOnStandardErrorAndResultsOnStandardOutput() {
		Result failed = run(Command.UPGRADE);
		assertThat(failed.code()).isEqualTo(2);
		assertThat(failed.output()).isEmpty();
		assertThat(failed.errors()).startsWith("migrate upgrade failed: No master changelog");
		Result generated = run(Command.GENERATE);
		assertThat(generated.output()).startsWith("Wrote ");
		assertThat(generated.errors()).isEmpty();
		this.desired.set(person(true));
		Result refused = run(Command.GENERATE);
		assertThat(refused.code()).isEqualTo(2);
		assertThat(refused.output()).isEmpty();
		assertThat(refused.errors()).contains("1 revision(s) are pending");
	}

	@Test
	void exitsWithTwoAndSaysWhyOnAnError() {
		assertThat(run(Command.UPGRADE)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("No master changelog db/migrate/changelog.yaml")
				.contains("run generate first"));
		assertThat(run(Command.GENERATE).code()).isZero();
		this.properties.setTag("nope");
		assertThat(run(Command.UPGRADE)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("migrate upgrade failed").contains("No revision 'nope'"));
		this.properties.setSourceDirectory(this.source.resolve("missing").toString());
		this.properties.setMode(MigrateProperties.Mode.APPLY);
		assertThat(run(Command.GENERATE)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("needs migrate.source-directory"));
	}

	@Test
	void exitsWithTheExitCodeOfTheMigrateExceptionThatEndedIt() {
		MigrateException failure = new MigrateException("the entities cannot be read") {

			@Override
			public int exitCode() {
				return 3;
			}

		};
		MigrateContext context = new MigrateContext(this.database.dataSource(), this.properties, () -> {
			throw failure;
		}, new DefaultResourceLoader(getClass().getClassLoader()), true);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = new MigrateCommand(context, System.out, new PrintStream(bytes, true, StandardCharsets.UTF_8))
			.run(Command.CHECK);
		assertThat(code).isEqualTo(3);
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.contains("migrate check failed: the entities cannot be read");
	}

	private Result run(Command command) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errors = new ByteArrayOutputStream();
		MigrateContext context = new MigrateContext(this.database.dataSource(), this.properties, this.desired::get,
				new DefaultResourceLoader(getClass().getClassLoader()), true);
		int code = new MigrateCommand(context, new PrintStream(bytes, true, StandardCharsets.UTF_8),
				new PrintStream(errors, true, StandardCharsets.UTF_8))
			.run(command);
		return new Result(code, bytes.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
	}

	private boolean table(String name) {
		return "t".equals(this.database.queryForString("SELECT to_regclass('" + name + "') IS NOT NULL"));
	}

	private boolean column(String name) {
		return "1".equals(this.database.queryForString(
				"SELECT count(*) FROM information_schema.columns WHERE table_name = 'person' AND column_name = '" + name
						+ "'"));
	}

	private static Schema person(boolean withBio) {
		List<Column> columns = new ArrayList<>(
				List.of(new Column("id", ColumnType.of("int8"), false, null, null, null)));
		if (withBio) {
			columns.add(new Column("bio", ColumnType.of("text"), true, null, null, null));
		}
		return new Schema(
				new TreeSet<>(List.of("public")), List.of(new Table(new QualifiedName("public", "person"), columns,
						new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null)),
				List.of(), List.of());
	}

	record Result(int code, String output, String errors) {

	}

}
