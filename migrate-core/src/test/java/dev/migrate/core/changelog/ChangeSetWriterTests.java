package dev.migrate.core.changelog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSetWriterTests {

	private static final QualifiedName PERSON = new QualifiedName("public", "person");

	private final ChangeSetWriter writer = new ChangeSetWriter(Dialects.postgresql());

	@TempDir
	Path directory;

	@Test
	void namesRevisionFilesByUtcTimestampAndSlugWithAStableLogicalPath() throws Exception {
		Path file = this.writer.write(diff(person(false), person(true)), this.directory, "db/migrate/changes",
				"Add the person's Bio!", Instant.parse("2026-11-22T10:15:30Z"), ChangelogFormat.YAML);
		assertThat(file.getFileName()).hasToString("20261122101530_add_the_person_s_bio.yaml");
		assertThat(Files.readString(file))
			.contains("logicalFilePath: db/migrate/changes/20261122101530_add_the_person_s_bio.yaml")
			.contains("id: 20261122101530-1")
			.contains("author: migrate")
			.contains("addColumn:")
			.containsPattern("rollback:\\s+(- )?dropColumn:");
	}

	@Test
	void givesASecondRevisionWithinTheSameSecondTheNextFreeSecond() throws Exception {
		Instant now = Instant.parse("2026-11-22T10:15:30Z");
		Path first = this.writer.write(diff(person(false), person(true)), this.directory, "db/migrate/changes", "bio",
				now, ChangelogFormat.YAML);
		Path second = this.writer.write(diff(person(false), person(true)), this.directory, "db/migrate/changes", "bio",
				now, ChangelogFormat.YAML);
		assertThat(first.getFileName()).hasToString("20261122101530_bio.yaml");
		assertThat(second.getFileName()).hasToString("20261122101531_bio.yaml");
		assertThat(Files.readString(second)).contains("id: 20261122101531-1");
	}

	@Test
	void putsEachDestructiveChangeInAGuardedChangesetOfItsOwn() {
		List<ChangeSet> changeSets = this.writer.changeSets(diff(person(true), person(false)), "1", "f.yaml");
		assertThat(changeSets).singleElement().satisfies((changeSet) -> {
			assertThat(changeSet.getLabels().getLabels()).containsExactly(DestructiveGuard.LABEL);
			assertThat(changeSet.getPreconditions().getNestedPreconditions()).hasSize(1);
			assertThat(changeSet.getComments()).contains("DESTRUCTIVE").contains("drops the column");
			assertThat(changeSet.getRollback().getChanges()).isNotEmpty();
		});
	}

	@Test
	void runsConcurrentIndexBuildsOutsideATransaction() {
		Table indexed = new Table(PERSON, person(true).columns(), person(true).primaryKey(), List.of(),
				List.of(new Index(null, List.of(new Index.Key("bio", false)), false, null)), List.of(), List.of(),
				null);
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults().withOnline(true), Dialects.postgresql())
			.diff(schema(person(true)), schema(indexed));
		List<ChangeSet> changeSets = this.writer.changeSets(diff, "1", "f.yaml");
		assertThat(changeSets).singleElement().satisfies((changeSet) -> {
			assertThat(changeSet.isRunInTransaction()).isFalse();
			assertThat(changeSet.getChanges().get(0).getDescription()).contains("sql");
		});
	}

	@Test
	void writesOneChangesetPerTableWithItsIndexesAndTheForeignKeysAfterTheTablesTheyNeed() {
		QualifiedName book = new QualifiedName("public", "book");
		Table books = new Table(book,
				List.of(id(), new Column("person_id", ColumnType.of("int8"), true, null, null, null),
						new Column("pages", ColumnType.of("int4"), true, null, null, null),
						new Column("code", ColumnType.of("text"), true, null, null, null)),
				new PrimaryKey(null, List.of("id")), List.of(),
				List.of(new Index(null, List.of(new Index.Key("person_id", false)), false, null)),
				List.of(new ForeignKey(null, List.of("person_id"), PERSON, List.of("id"), ForeignKey.Action.NO_ACTION,
						ForeignKey.Action.NO_ACTION)),
				List.of(new CheckConstraint(null, "pages > 0")), null);
		Table people = new Table(PERSON, person(true).columns(), person(true).primaryKey(), List.of(),
				List.of(new Index(null, List.of(new Index.Key("bio", false)), false, null)), List.of(), List.of(),
				null);
		Schema desired = new Schema(new TreeSet<>(List.of("public")), List.of(books, people), List.of(), List.of(),
				new Declarations(List.of(), Map.of(), Map.of(book, List.of("pages", "code", "person_id", "id"))));
		Schema empty = new Schema(new TreeSet<>(List.of("public")), List.of(), List.of(), List.of());
		List<ChangeSet> changeSets = this.writer.changeSets(
				new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(empty, desired), "1", "f.yaml");
		assertThat(changeSets).extracting(ChangeSet::getId)
			.containsExactly("1-1-create_table_public_book", "1-2-create_table_public_person",
					"1-3-add_foreign_key_person_id_of_public_book_to_public_person_id");
		assertThat(((liquibase.change.core.CreateTableChange) changeSets.get(0).getChanges().get(0)).getColumns())
			.extracting(liquibase.change.ColumnConfig::getName)
			.as("the key first, then as declared")
			.containsExactly("id", "pages", "code", "person_id");
		assertThat(changeSets.get(0).getComments()).contains("create table public.book")
			.contains("create index book_person_id_idx")
			.contains("add check (pages > 0)")
			.doesNotContain("person_bio_idx");
	}

	@Test
	void putsADataDependentChangeInAChangesetOfItsOwn() {
		Table required = new Table(PERSON,
				List.of(id(), new Column("bio", ColumnType.of("text"), false, null, null, null),
						new Column("note", ColumnType.of("text"), true, null, null, null)),
				person(true).primaryKey(), List.of(), List.of(), List.of(), List.of(), null);
		List<ChangeSet> changeSets = this.writer.changeSets(diff(person(true), required), "1", "f.yaml");
		assertThat(changeSets).extracting(ChangeSet::getComments)
			.hasSize(2)
			.anySatisfy((comment) -> assertThat(comment).startsWith("add column public.person.note")
				.doesNotContain("not null"))
			.anySatisfy((comment) -> assertThat(comment).startsWith("make public.person.bio not null [DATA_DEPENDENT")
				.doesNotContain("add column"));
	}

	@Test
	void writesXmlAndFormattedSqlWithLiquibasesSerializers() throws Exception {
		Instant now = Instant.parse("2026-11-22T10:15:30Z");
		Path xml = this.writer.write(diff(person(false), person(true)), this.directory, "changes", "bio", now,
				ChangelogFormat.XML);
		assertThat(Files.readString(xml)).contains("<changeSet").contains("<addColumn").contains("<rollback>");
		Path sql = this.writer.write(diff(person(false), person(true)), this.directory, "changes", "bio sql",
				now.plusSeconds(1), ChangelogFormat.SQL);
		assertThat(sql.getFileName().toString()).endsWith(".postgresql.sql");
		assertThat(Files.readString(sql)).startsWith("-- liquibase formatted sql").contains("-- changeset migrate:");
	}

	private static SchemaDiff diff(Table actual, Table desired) {
		return new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema(actual), schema(desired));
	}

	private static Schema schema(Table table) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(table), List.of(), List.of());
	}

	private static Table person(boolean withBio) {
		List<Column> columns = withBio ? List.of(id(), new Column("bio", ColumnType.of("text"), true, null, null, null))
				: List.of(id());
		return new Table(PERSON, columns, new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(),
				List.of(), null);
	}

	private static Column id() {
		return new Column("id", ColumnType.of("int8"), false, null, null, null);
	}

}
