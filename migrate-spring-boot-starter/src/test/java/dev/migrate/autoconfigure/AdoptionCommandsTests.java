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
 * The baseline, squash and revision commands: their output, exit codes, and refusals of
 * bad input that write nothing.
 */
@PostgresTest(database = PostgresTest.Scope.METHOD)
class AdoptionCommandsTests {

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
	void baselineRecordsTheExistingSchemaAsAppliedAndIsRefusedOnceThereAreRevisions() throws Exception {
		this.database.execute("CREATE TABLE person (id bigint PRIMARY KEY)");
		this.desired.set(person(true));
		Result baseline = run(Command.BASELINE);
		assertThat(baseline.code()).isZero();
		assertThat(baseline.output()).startsWith("Wrote ")
			.contains("_baseline.yaml")
			.contains("recorded it as applied here without running it (1 changeset(s))")
			.contains("The database differs from the entities: generate the next revision")
			.doesNotContain("Flyway");
		assertThat(revisions()).hasSize(1);
		assertThat(this.database.queryForString("SELECT exectype FROM databasechangelog")).isEqualTo("MARK_RAN");
		assertThat(run(Command.BASELINE)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("migrate baseline failed")
				.contains("has 1 revision(s) and the database has 1 applied changeset(s)"));
		assertThat(revisions()).hasSize(1);
	}

	@Test
	void baselineOfAnEmptyDatabaseWritesNothingAndSaysWhatToDoInstead() {
		assertThat(run(Command.BASELINE)).returns(0, Result::code)
			.satisfies((r) -> assertThat(r.output()).contains("No baseline: the database has none of the mapped tables")
				.contains("migrate.command=generate"));
		assertThat(revisions()).isEmpty();
	}

	@Test
	void revisionWritesAnEmptyRevisionAfterTheNewestThatUpgradeRuns() throws Exception {
		assertThat(run(Command.GENERATE).code()).isZero();
		this.properties.setMessage("Backfill names");
		Result revision = run(Command.REVISION);
		assertThat(revision.code()).isZero();
		assertThat(revision.output()).startsWith("Wrote ")
			.contains("_backfill_names.yaml")
			.contains("an empty revision: write its changes and their rollback");
		assertThat(revisions()).hasSize(2);
		assertThat(revisions().get(1).getFileName().toString()).endsWith("_backfill_names.yaml");
		assertThat(Files.readString(revisions().get(1))).contains("changeSet:").contains("rollback:");
		assertThat(run(Command.UPGRADE).output()).startsWith("Applied 2 changeset(s)");
	}

	@Test
	void revisionAndSquashWithoutAWritableSourceFolderFailAndWriteNothing() {
		this.properties.setSourceDirectory(this.source.resolve("missing").toString());
		this.properties.setTag("1");
		for (Command command : List.of(Command.REVISION, Command.SQUASH, Command.BASELINE)) {
			assertThat(run(command)).returns(2, Result::code)
				.satisfies((r) -> assertThat(r.errors()).contains("needs migrate.source-directory"));
		}
		assertThat(this.source.resolve("missing")).doesNotExist();
	}

	@Test
	void squashReplacesTheRevisionsUpToTheTagAndIsRefusedPastAPendingOne() throws Exception {
		assertThat(run(Command.GENERATE).code()).isZero();
		assertThat(run(Command.UPGRADE).code()).isZero();
		this.desired.set(person(true));
		Thread.sleep(1000);
		assertThat(run(Command.GENERATE).code()).isZero();
		List<Path> generated = revisions();
		String second = generated.get(1).getFileName().toString();
		assertThat(run(Command.SQUASH)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("needs migrate.tag"));
		this.properties.setTag(second);
		assertThat(run(Command.SQUASH)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("is pending on this database"));
		assertThat(revisions()).isEqualTo(generated);
		assertThat(run(Command.UPGRADE).code()).isZero();
		Result squash = run(Command.SQUASH);
		assertThat(squash.code()).isZero();
		assertThat(squash.output()).contains("which replaces the revisions up to " + second)
			.contains("recorded it as applied here without running it (1 changeset(s))");
		assertThat(revisions()).singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).startsWith(second.substring(0, 15))
				.endsWith("_squash.yaml"));
		this.properties.setTag(null);
		assertThat(run(Command.STATUS).output()).contains("Pending revisions (0)");
		assertThat(run(Command.DOWNGRADE)).returns(2, Result::code)
			.satisfies((r) -> assertThat(r.errors()).contains("rollback to before the squash point is not possible"));
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

	private List<Path> revisions() {
		Path changes = this.source.resolve("db/migrate/changes");
		if (!Files.isDirectory(changes)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes)) {
			return files.sorted().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
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
