package dev.migrate.core.changelog;

import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of each online recipe, in order, forwards and in the rollback; the
 * database tests prove that they build the target schema and which locks they take.
 */
class OnlineRecipesTests {

	private static final QualifiedName PERSON = new QualifiedName("public", "person");

	private final ChangeSetWriter writer = new ChangeSetWriter(Dialects.postgresql());

	@Test
	void provesNotNullWithAValidatedCheckBeforeSettingIt() {
		ChangeSet changeSet = single(person(name(true)), person(name(false)));
		assertThat(changeSet.isRunInTransaction()).isFalse();
		assertThat(changeSet.getComments()).contains("make public.person.name not null [DATA_DEPENDENT")
			.contains("lock: ACCESS EXCLUSIVE briefly, SHARE UPDATE EXCLUSIVE while it validates")
			.contains("online: NOT NULL proven by a check added NOT VALID and validated, then set");
		assertThat(sql(changeSet.getChanges())).containsExactly(
				"ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_name_migrate_not_null",
				"ALTER TABLE public.person ADD CONSTRAINT person_name_migrate_not_null CHECK (name IS NOT NULL) NOT VALID",
				"ALTER TABLE public.person VALIDATE CONSTRAINT person_name_migrate_not_null",
				"ALTER TABLE public.person ALTER COLUMN name SET NOT NULL",
				"ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_name_migrate_not_null");
		assertThat(sql(changeSet.getRollback().getChanges()))
			.containsExactly("ALTER TABLE public.person ALTER COLUMN name DROP NOT NULL");
	}

	@Test
	void rollsBackADroppedNotNullWithTheSameRecipe() {
		ChangeSet changeSet = single(person(name(false)), person(name(true)));
		assertThat(changeSet.isRunInTransaction()).isFalse();
		assertThat(sql(changeSet.getChanges()))
			.containsExactly("ALTER TABLE public.person ALTER COLUMN name DROP NOT NULL");
		assertThat(sql(changeSet.getRollback().getChanges())).hasSize(5)
			.contains("ALTER TABLE public.person VALIDATE CONSTRAINT person_name_migrate_not_null");
	}

	@Test
	void addsAUniqueConstraintThroughAUniqueIndexBuiltConcurrently() {
		Table unique = new Table(PERSON, List.of(id(), name(true)), key(),
				List.of(new UniqueConstraint(null, List.of("name"))), List.of(), List.of(), List.of(), null);
		ChangeSet changeSet = single(person(name(true)), unique);
		assertThat(changeSet.isRunInTransaction()).isFalse();
		assertThat(changeSet.getComments())
			.contains("online: unique index built concurrently, then ADD CONSTRAINT unique USING INDEX");
		assertThat(sql(changeSet.getChanges())).containsExactly(
				"DROP INDEX CONCURRENTLY IF EXISTS public.person_name_key",
				"CREATE UNIQUE INDEX CONCURRENTLY person_name_key ON public.person (name)",
				"ALTER TABLE public.person ADD CONSTRAINT person_name_key UNIQUE USING INDEX person_name_key");
		assertThat(sql(changeSet.getRollback().getChanges()))
			.containsExactly("ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_name_key");
	}

	@Test
	void addsAPrimaryKeyThroughAUniqueIndexBuiltConcurrently() {
		Table withoutKey = new Table(PERSON, List.of(id(), name(true)), null, List.of(), List.of(), List.of(),
				List.of(), null);
		ChangeSet changeSet = single(withoutKey, person(name(true)));
		assertThat(sql(changeSet.getChanges())).containsExactly("DROP INDEX CONCURRENTLY IF EXISTS public.person_pkey",
				"CREATE UNIQUE INDEX CONCURRENTLY person_pkey ON public.person (id)",
				"ALTER TABLE public.person ADD CONSTRAINT person_pkey PRIMARY KEY USING INDEX person_pkey");
	}

	@Test
	void replacesAChangedIndexByOneBuiltConcurrentlyUnderATemporaryName() {
		ChangeSet changeSet = single(indexed("name"), indexed("name", "id"));
		assertThat(changeSet.isRunInTransaction()).isFalse();
		assertThat(changeSet.getComments())
			.contains("replace index person_lookup on public.person [name] by [name, id]")
			.contains("online: changed index built concurrently as person_lookup_migrate_new");
		assertThat(sql(changeSet.getChanges())).containsExactly(
				"DROP INDEX CONCURRENTLY IF EXISTS public.person_lookup_migrate_new",
				"CREATE INDEX CONCURRENTLY person_lookup_migrate_new ON public.person (name, id)",
				"DROP INDEX CONCURRENTLY IF EXISTS public.person_lookup",
				"ALTER INDEX public.person_lookup_migrate_new RENAME TO person_lookup");
		assertThat(sql(changeSet.getRollback().getChanges()))
			.contains("CREATE INDEX CONCURRENTLY person_lookup_migrate_new ON public.person (name)");
	}

	@Test
	void dropsAndCreatesAChangedIndexWhenNotOnline() {
		List<ChangeSet> changeSets = this.writer
			.changeSets(new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema(indexed("name")),
					schema(indexed("name", "id"))), "1", "f.yaml");
		assertThat(changeSets).singleElement().satisfies((changeSet) -> {
			assertThat(changeSet.isRunInTransaction()).isTrue();
			assertThat(changeSet.getComments()).contains("drop index person_lookup")
				.contains("create index person_lookup")
				.contains("lock: SHARE while the index builds (blocks writes)")
				.doesNotContain("online:");
		});
	}

	private ChangeSet single(Table actual, Table desired) {
		List<ChangeSet> changeSets = this.writer
			.changeSets(new SchemaDiffer(DiffOptions.defaults().withOnline(true), Dialects.postgresql())
				.diff(schema(actual), schema(desired)), "1", "f.yaml");
		assertThat(changeSets).hasSize(1);
		return changeSets.get(0);
	}

	private static List<String> sql(List<liquibase.change.Change> changes) {
		return changes.stream().map((change) -> ((RawSQLChange) change).getSql()).toList();
	}

	private static Schema schema(Table table) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(table), List.of(), List.of());
	}

	private static Table person(Column name) {
		return new Table(PERSON, List.of(id(), name), key(), List.of(), List.of(), List.of(), List.of(), null);
	}

	private static Table indexed(String... keys) {
		Index index = new Index("person_lookup",
				List.of(keys).stream().map((key) -> new Index.Key(key, false)).toList(), false, null);
		return new Table(PERSON, List.of(id(), name(true)), key(), List.of(), List.of(index), List.of(), List.of(),
				null);
	}

	private static PrimaryKey key() {
		return new PrimaryKey("person_pkey", List.of("id"));
	}

	private static Column id() {
		return new Column("id", ColumnType.of("int8"), false, null, null, null);
	}

	private static Column name(boolean nullable) {
		return new Column("name", ColumnType.of("text"), nullable, null, null, null);
	}

}
