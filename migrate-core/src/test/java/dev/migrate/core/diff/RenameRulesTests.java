package dev.migrate.core.diff;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.Declarations;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Renames confirmed or denied as a {@code migrate.diff.renames} property or a
 * {@code @RenamedFrom} annotation states them.
 */
class RenameRulesTests {

	private static final Schema BIO = schema(users("bio"));

	private static final Schema ABOUT = schema(users("about"));

	@Test
	void aDropAndAnAddOfTheSameTypeArePossiblyARename() {
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(BIO, ABOUT);
		assertThat(diff.possibleRenames()).singleElement()
			.satisfies((rename) -> assertThat(rename.entry()).isEqualTo("public.users.bio=about"));
		assertThat(diff.changes()).extracting(Change::description)
			.contains("drop column public.users.bio", "add column public.users.about text");
	}

	@Test
	void aConfirmedColumnRenameKeepsTheValuesInEveryEntryForm() {
		for (String entry : List.of("users.bio=about", "public.users.bio=about", " users.bio = about ")) {
			SchemaDiff diff = diff(new RenameRules(List.of(entry), List.of()), ABOUT);
			assertThat(diff.changes()).as(entry)
				.extracting(Change::description)
				.containsExactly("rename column public.users.bio to about");
			assertThat(diff.possibleRenames()).as(entry).isEmpty();
		}
	}

	@Test
	void aRenameTheEntitiesDeclareIsConfirmed() {
		Schema declared = new Schema(ABOUT.schemas(), ABOUT.tables(), List.of(), List.of(),
				new Declarations(List.of("public.users.bio=about"), Map.of(), Map.of()));
		assertThat(new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(BIO, declared).changes())
			.extracting(Change::description)
			.containsExactly("rename column public.users.bio to about");
	}

	@Test
	void aTwoPartEntryRenamesATableWhenTheDatabaseHasTheOldAndTheEntitiesTheNew() {
		Table members = new Table(new QualifiedName("public", "members"), users("bio").columns(),
				users("bio").primaryKey(), List.of(), List.of(), List.of(), List.of(), null);
		SchemaDiff diff = diff(new RenameRules(List.of("public.users=members"), List.of()), schema(members));
		assertThat(diff.changes()).extracting(Change::description)
			.containsExactly("rename table public.users to members");
		assertThat(diff(new RenameRules(List.of("users=members"), List.of()), schema(members)).changes())
			.extracting(Change::description)
			.containsExactly("rename table public.users to members");
	}

	@Test
	void aDeniedRenameIsNoLongerAskedAbout() {
		SchemaDiff diff = diff(new RenameRules(List.of(), List.of("users.bio=about")), ABOUT);
		assertThat(diff.possibleRenames()).isEmpty();
		assertThat(diff.changes()).extracting(Change::description)
			.contains("drop column public.users.bio", "add column public.users.about text");
	}

	@Test
	void anEntryThatMatchesNothingIsLeftAlone() {
		SchemaDiff diff = diff(new RenameRules(List.of("users.old=gone", "nothing=here"), List.of()), ABOUT);
		assertThat(diff.possibleRenames()).hasSize(1);
	}

	@Test
	void aMalformedEntrySaysHowToWriteOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RenameRules(List.of("users.bio", "a.b.c.d=e", "users.bio=x.y"), List.of()))
			.withMessageContaining("[users.bio, a.b.c.d=e, users.bio=x.y]")
			.withMessageContaining("[schema.]table.old_column=new_column");
	}

	@Test
	void withoutPossibleRenamesKeepsTheRestAndLeavesOutWhatNeedsTheNewColumn() {
		Table indexed = new Table(new QualifiedName("public", "users"),
				List.of(column("id", false), column("about", true),
						new Column("visits", ColumnType.of("int4"), true, null, null, null)),
				new PrimaryKey("users_pkey", List.of("id")), List.of(),
				List.of(new Index("users_about_idx", List.of(new Index.Key("about", false)), false, null)), List.of(),
				List.of(), null);
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(BIO, schema(indexed));
		assertThat(diff.withoutPossibleRenames().changes()).extracting(Change::description)
			.containsExactly("add column public.users.visits int4");
		assertThat(diff.withoutPossibleRenames().possibleRenames()).isEqualTo(diff.possibleRenames());
	}

	@Test
	void withoutPossibleRenamesKeepsAChangeThatOnlyNamesTheNewColumnAsAType() {
		Column shortCode = new Column("code", ColumnType.of("varchar(10)"), true, null, null, null);
		Table before = new Table(new QualifiedName("public", "users"),
				List.of(column("id", false), column("bio", true), shortCode),
				new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		Table after = new Table(new QualifiedName("public", "users"),
				List.of(column("id", false), column("text", true), column("code", true)),
				new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults(), Dialects.postgresql()).diff(schema(before),
				schema(after));
		assertThat(diff.possibleRenames()).extracting(PossibleRename::entry).containsExactly("public.users.bio=text");
		assertThat(diff.withoutPossibleRenames().changes()).singleElement()
			.isInstanceOf(TableChange.AlterColumnType.class)
			.satisfies((change) -> assertThat(change.description()).endsWith(" text"));
	}

	private static SchemaDiff diff(RenameRules rules, Schema desired) {
		return new SchemaDiffer(DiffOptions.defaults().withRenameRules(rules), Dialects.postgresql()).diff(BIO,
				desired);
	}

	private static Schema schema(Table table) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(table), List.of(), List.of());
	}

	private static Table users(String text) {
		return new Table(new QualifiedName("public", "users"), List.of(column("id", false), column(text, true)),
				new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), null);
	}

	private static Column column(String name, boolean nullable) {
		return new Column(name, ColumnType.of(name.equals("id") ? "int8" : "text"), nullable, null, null, null);
	}

}
