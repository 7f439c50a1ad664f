package dev.migrate.core.diff;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.ConstraintChange.AddForeignKey;
import dev.migrate.core.diff.ConstraintChange.DropForeignKey;
import dev.migrate.core.diff.TableChange.AddColumn;
import dev.migrate.core.diff.TableChange.CreateTable;
import dev.migrate.core.diff.TableChange.DropColumn;
import dev.migrate.core.diff.TableChange.DropTable;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaDifferTests {

	private static final QualifiedName AUTHOR = new QualifiedName("public", "author");

	private static final QualifiedName BOOK = new QualifiedName("public", "book");

	@Test
	void findsNothingBetweenEqualSchemas() {
		Schema schema = schema(author(), book(true));
		assertThat(new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema, schema).isEmpty())
			.isTrue();
	}

	@Test
	void createsTablesBeforeTheForeignKeysThatPointAtThem() {
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema(),
				schema(book(true), author()));
		List<Change> changes = diff.changes();
		int lastCreate = lastIndexOf(changes, CreateTable.class);
		int firstForeignKey = firstIndexOf(changes, AddForeignKey.class);
		assertThat(firstForeignKey).isGreaterThan(lastCreate);
		assertThat(changes).filteredOn(AddForeignKey.class::isInstance)
			.allSatisfy((change) -> assertThat(change.classification().safety()).isEqualTo(Safety.SAFE));
	}

	@Test
	void dropsForeignKeysBeforeTheTablesTheyReferenceAndOnlyWhenIncluded() {
		Schema actual = schema(author(), book(true));
		Schema desired = schema(bookWithoutAuthor());
		SchemaDiff leftAlone = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(actual, desired);
		assertThat(leftAlone.changes()).noneMatch(DropTable.class::isInstance);
		SchemaDiff included = new SchemaDiffer(DiffOptions.defaults().withIncludeTables("public.*"),
				Dialects.postgresql())
			.diff(actual, desired);
		assertThat(firstIndexOf(included.changes(), DropForeignKey.class))
			.isLessThan(firstIndexOf(included.changes(), DropTable.class));
		assertThat(included.changes(Safety.DESTRUCTIVE)).anyMatch(DropTable.class::isInstance)
			.anyMatch(DropColumn.class::isInstance);
	}

	@Test
	void neverTouchesExcludedTables() {
		Schema actual = schema(author());
		Schema desired = schema(new Table(AUTHOR, List.of(id(), column("name", "varchar", 10)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(), List.of(), null));
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults().withExcludeTables("author"), Dialects.postgresql())
			.diff(actual, desired);
		assertThat(diff.isEmpty()).isTrue();
	}

	@Test
	void classifiesNotNullColumnsByWhetherTheyHaveADefault() {
		Table withDefault = table(AUTHOR, id(), new Column("score", ColumnType.of("int4"), false, "0", null, null));
		Table withoutDefault = table(AUTHOR, id(), new Column("score", ColumnType.of("int4"), false, null, null, null));
		Table volatileDefault = table(AUTHOR, id(),
				new Column("created", ColumnType.of("timestamptz", 6), false, "now()", null, null));
		assertThat(onlyChange(schema(author()), schema(withDefault)).classification().safety()).isEqualTo(Safety.SAFE);
		assertThat(onlyChange(schema(author()), schema(withoutDefault)).classification())
			.returns(Safety.DATA_DEPENDENT, Classification::safety)
			.satisfies((c) -> assertThat(c.reason()).contains("fails if the table has rows"));
		assertThat(onlyChange(schema(author()), schema(volatileDefault)).classification().safety())
			.isEqualTo(Safety.LOCKING);
	}

	@Test
	void classifiesTypeChangesByWhetherTheyWidenAndRewrite() {
		assertThat(Dialects.postgresql()
			.typeChanges()
			.classify(ColumnType.of("varchar", 50), ColumnType.of("varchar", 100))
			.safety()).isEqualTo(Safety.SAFE);
		assertThat(Dialects.postgresql()
			.typeChanges()
			.classify(ColumnType.of("varchar", 50), ColumnType.of("text"))
			.safety()).isEqualTo(Safety.SAFE);
		assertThat(Dialects.postgresql()
			.typeChanges()
			.classify(ColumnType.of("varchar", 100), ColumnType.of("varchar", 50))
			.safety()).isEqualTo(Safety.DESTRUCTIVE);
		assertThat(Dialects.postgresql().typeChanges().classify(ColumnType.of("int4"), ColumnType.of("int8")).safety())
			.isEqualTo(Safety.LOCKING);
		assertThat(Dialects.postgresql().typeChanges().classify(ColumnType.of("int8"), ColumnType.of("int4")).safety())
			.isEqualTo(Safety.DESTRUCTIVE);
		assertThat(Dialects.postgresql()
			.typeChanges()
			.classify(ColumnType.of("numeric", 10, 2), ColumnType.of("numeric", 12, 2))
			.safety()).isEqualTo(Safety.SAFE);
		assertThat(Dialects.postgresql()
			.typeChanges()
			.classify(ColumnType.of("numeric", 10, 2), ColumnType.of("numeric", 10, 4))
			.safety()).isEqualTo(Safety.DESTRUCTIVE);
		assertThat(Dialects.postgresql().typeChanges().classify(ColumnType.of("text"), ColumnType.of("int4")).safety())
			.isEqualTo(Safety.DESTRUCTIVE);
	}

	@Test
	void reportsADropAndAddOfTheSameTypeAsAPossibleRenameAndRenamesWhenHinted() {
		Schema actual = schema(table(AUTHOR, id(), column("name", "varchar", 50)));
		Schema desired = schema(table(AUTHOR, id(), column("full_name", "varchar", 50)));
		SchemaDiff guessed = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(actual, desired);
		assertThat(guessed.possibleRenames()).containsExactly(new PossibleRename(AUTHOR, "name", "full_name"));
		assertThat(guessed.changes()).hasAtLeastOneElementOfType(DropColumn.class)
			.hasAtLeastOneElementOfType(AddColumn.class);
		SchemaDiff hinted = new SchemaDiffer(
				DiffOptions.defaults().withRenames(RenameHints.none().column(AUTHOR, "name", "full_name")),
				Dialects.postgresql())
			.diff(actual, desired);
		assertThat(hinted.changes()).containsExactly(new TableChange.RenameColumn(AUTHOR, "name", "full_name"));
		assertThat(hinted.changes().get(0).classification().safety()).isEqualTo(Safety.SAFE);
	}

	@Test
	void matchesConstraintsByWhatTheyDoNotByName() {
		Table named = new Table(AUTHOR, List.of(id(), column("email", "varchar", 100)),
				new PrimaryKey("pk_1", List.of("id")),
				List.of(new UniqueConstraint("author_email_key", List.of("email"))), List.of(), List.of(), List.of(),
				null);
		Table hibernateNamed = new Table(AUTHOR, List.of(id(), column("email", "varchar", 100)),
				new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint("UK4h3k2j1", List.of("email"))),
				List.of(), List.of(), List.of(), null);
		assertThat(new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql())
			.diff(schema(named), schema(hibernateNamed))
			.isEmpty()).isTrue();
	}

	private static Change onlyChange(Schema actual, Schema desired) {
		List<Change> changes = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(actual, desired)
			.changes();
		assertThat(changes).hasSize(1);
		return changes.get(0);
	}

	private static int firstIndexOf(List<Change> changes, Class<?> type) {
		for (int i = 0; i < changes.size(); i++) {
			if (type.isInstance(changes.get(i))) {
				return i;
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + changes);
	}

	private static int lastIndexOf(List<Change> changes, Class<?> type) {
		int last = -1;
		for (int i = 0; i < changes.size(); i++) {
			if (type.isInstance(changes.get(i))) {
				last = i;
			}
		}
		return last;
	}

	private static Schema schema(Table... tables) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(tables), List.of(), List.of());
	}

	private static Table author() {
		return table(AUTHOR, id());
	}

	@Test
	void aForeignKeyOnAColumnNewInTheSameRevisionIsSafeAndOnAnExistingOneDataDependent() {
		Change onNewColumn = foreignKeyAdded(schema(author(), bookWithoutAuthor()));
		assertThat(onNewColumn.classification().safety()).isEqualTo(Safety.SAFE);
		assertThat(onNewColumn.classification().reason()).contains("new in this revision");
		Change onExistingColumn = foreignKeyAdded(schema(author(), book(false)));
		assertThat(onExistingColumn.classification().safety()).isEqualTo(Safety.DATA_DEPENDENT);
	}

	@Test
	void writesDefaultsAndChecksAsDeclaredButComparesThemCanonically() {
		Table stamped = new Table(AUTHOR,
				List.of(id(),
						new Column("created", ColumnType.of("timestamptz", 6), true, "current_timestamp", null, null)),
				new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(),
				List.of(new dev.migrate.core.schema.CheckConstraint(null, "id > 0")), null);
		Schema declared = new Schema(new TreeSet<>(List.of("public")), List.of(stamped), List.of(), List.of(),
				new Declarations(List.of(), Map.of("current_timestamp", "CURRENT_TIMESTAMP", "id > 0", "id>0"),
						Map.of()));
		List<Change> changes = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql())
			.diff(schema(author()), declared)
			.changes();
		assertThat(changes).extracting(Change::description)
			.containsExactly("add column public.author.created timestamptz(6)", "add check (id>0) to public.author");
		assertThat(((TableChange.AddColumn) changes.get(0)).column().defaultValue()).isEqualTo("CURRENT_TIMESTAMP");
		assertThat(new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema(stamped), declared)
			.isEmpty()).isTrue();
	}

	private static Change foreignKeyAdded(Schema actual) {
		return new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql())
			.diff(actual, schema(author(), book(true)))
			.changes()
			.stream()
			.filter(AddForeignKey.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private static Table book(boolean withAuthor) {
		List<ForeignKey> foreignKeys = withAuthor ? List.of(new ForeignKey(null, List.of("author_id"), AUTHOR,
				List.of("id"), ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION)) : List.of();
		return new Table(BOOK, List.of(id(), column("author_id", "int8")), new PrimaryKey(null, List.of("id")),
				List.of(), List.of(), foreignKeys, List.of(), null);
	}

	private static Table bookWithoutAuthor() {
		return table(BOOK, id());
	}

	private static Table table(QualifiedName name, Column... columns) {
		return new Table(name, List.of(columns), new PrimaryKey(null, List.of("id")), List.of(), List.of(), List.of(),
				List.of(), null);
	}

	private static Column id() {
		return new Column("id", ColumnType.of("int8"), false, null, null, null);
	}

	private static Column column(String name, String type, Integer... arguments) {
		return new Column(name, ColumnType.of(type, arguments), true, null, null, null);
	}

}
