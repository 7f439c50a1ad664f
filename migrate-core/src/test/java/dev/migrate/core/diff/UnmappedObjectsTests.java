package dev.migrate.core.diff;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only the database has on a mapped table (indexes, unique keys, checks, foreign
 * keys written by hand before Migrate adopted it) is kept and reported, not dropped,
 * unless a generated revision created it, the entities changed it, or the user lets
 * Migrate drop it.
 */
class UnmappedObjectsTests {

	private static final QualifiedName OWNER = new QualifiedName("public", "owner");

	private static final QualifiedName PET = new QualifiedName("public", "pet");

	private static final Index BY_NAME = new Index("pet_name_idx", List.of(new Index.Key("name", false)), false, null);

	private static final UniqueConstraint UNIQUE_NAME = new UniqueConstraint("pet_name_key", List.of("name"));

	private static final CheckConstraint POSITIVE_ID = new CheckConstraint("pet_id_check", "id > 0");

	private static final ForeignKey TO_OWNER = new ForeignKey("pet_owner_fk", List.of("owner_id"), OWNER, List.of("id"),
			ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION);

	@Test
	void keepsAndReportsIndexesAndConstraintsThatOnlyTheDatabaseHas() {
		SchemaDiff diff = diff(DiffOptions.defaults(), handWritten(), mapped());
		assertThat(diff.changes()).isEmpty();
		assertThat(diff.unmapped()).extracting(Change::getClass)
			.containsExactlyInAnyOrder(ConstraintChange.DropIndex.class, ConstraintChange.DropUnique.class,
					ConstraintChange.DropCheck.class, ConstraintChange.DropForeignKey.class);
	}

	@Test
	void dropsThemOnTablesTheUserLetsItDropFrom() {
		SchemaDiff diff = diff(DiffOptions.defaults().withDropUnmapped("public.p*"), handWritten(), mapped());
		assertThat(diff.unmapped()).isEmpty();
		assertThat(diff.changes()).extracting(Change::description)
			.containsExactlyInAnyOrder("drop index pet_name_idx on public.pet", "drop unique [name] of public.pet",
					"drop check pet_id_check of public.pet", "drop foreign key [owner_id] of public.pet");
		assertThat(diff(DiffOptions.defaults().withDropUnmapped("owner"), handWritten(), mapped()).changes()).isEmpty();
	}

	@Test
	void dropsWhatAGeneratedRevisionCreatedOnceTheEntitiesStopDeclaringIt() {
		SchemaDiff diff = diff(DiffOptions.defaults().withCreatedObjects(Set.of("pet_name_idx", "pet_owner_fk")),
				handWritten(), mapped());
		assertThat(diff.changes()).extracting(Change::getClass)
			.containsExactlyInAnyOrder(ConstraintChange.DropIndex.class, ConstraintChange.DropForeignKey.class);
		assertThat(diff.unmapped()).extracting(Change::getClass)
			.containsExactlyInAnyOrder(ConstraintChange.DropUnique.class, ConstraintChange.DropCheck.class);
	}

	@Test
	void replacesWhatTheEntitiesDeclareAnewUnderTheSameNameOrOnTheSameColumns() {
		Table changed = pet(List.of(new UniqueConstraint(null, List.of("name", "owner_id"))),
				List.of(new Index("pet_name_idx", List.of(new Index.Key("name", true)), false, null)),
				List.of(new CheckConstraint(null, "id > 1")), List.of(new ForeignKey(null, List.of("owner_id"), OWNER,
						List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)));
		SchemaDiff diff = diff(DiffOptions.defaults(), handWritten(), schema(owner(), changed));
		assertThat(diff.unmapped()).extracting(Change::getClass).containsExactly(ConstraintChange.DropUnique.class);
		assertThat(diff.changes()).extracting(Change::getClass)
			.contains(ConstraintChange.DropIndex.class, ConstraintChange.DropCheck.class,
					ConstraintChange.DropForeignKey.class);
	}

	@Test
	void dropsThoseOnAColumnTheDiffDrops() {
		Table withoutName = new Table(PET, List.of(column("id", "int8", false), column("owner_id", "int8", true)),
				new PrimaryKey("pet_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		Schema actual = schema(owner(), pet(List.of(UNIQUE_NAME), List.of(BY_NAME),
				List.of(new CheckConstraint("pet_name_check", "length(name) > 1")), List.of()));
		SchemaDiff diff = diff(DiffOptions.defaults(), actual, schema(owner(), withoutName));
		assertThat(diff.unmapped()).isEmpty();
		assertThat(diff.changes()).extracting(Change::getClass)
			.contains(ConstraintChange.DropIndex.class, ConstraintChange.DropUnique.class,
					ConstraintChange.DropCheck.class, TableChange.DropColumn.class);
	}

	@Test
	void leavesAnExistingSequenceStartAsItIsAndChangesOnlyItsIncrement() {
		QualifiedName name = new QualifiedName("public", "pet_seq");
		Schema adopted = withSequence(new Sequence(name, 1, 50));
		assertThat(diff(DiffOptions.defaults(), adopted, withSequence(new Sequence(name, 100, 50))).changes())
			.isEmpty();
		assertThat(diff(DiffOptions.defaults(), adopted, withSequence(new Sequence(name, 100, 1))).changes())
			.extracting(Change::description)
			.containsExactly("alter sequence public.pet_seq increment 1");
	}

	private static Schema withSequence(Sequence sequence) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(owner()), List.of(sequence), List.of());
	}

	private static SchemaDiff diff(DiffOptions options, Schema actual, Schema desired) {
		return new SchemaDiffer(options, Dialects.postgresql()).diff(actual, desired);
	}

	private static Schema handWritten() {
		return schema(owner(), pet(List.of(UNIQUE_NAME), List.of(BY_NAME), List.of(POSITIVE_ID), List.of(TO_OWNER)));
	}

	private static Schema mapped() {
		return schema(owner(), pet(List.of(), List.of(), List.of(), List.of()));
	}

	private static Schema schema(Table... tables) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(tables), List.of(), List.of());
	}

	private static Table owner() {
		return new Table(OWNER, List.of(column("id", "int8", false)), new PrimaryKey("owner_pkey", List.of("id")),
				List.of(), List.of(), List.of(), List.of(), null);
	}

	private static Table pet(List<UniqueConstraint> uniques, List<Index> indexes, List<CheckConstraint> checks,
			List<ForeignKey> foreignKeys) {
		return new Table(PET,
				List.of(column("id", "int8", false), column("name", "text", true), column("owner_id", "int8", true)),
				new PrimaryKey("pet_pkey", List.of("id")), uniques, indexes, foreignKeys, checks, null);
	}

	private static Column column(String name, String type, boolean nullable) {
		return new Column(name, ColumnType.of(type), nullable, null, null, null);
	}

}
