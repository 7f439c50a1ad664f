package dev.migrate.core.changelog;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision written without a message is named after what it does.
 */
class RevisionNamesTests {

	@Test
	void namesTheTablesARevisionCreates() {
		Table users = table("users", "name");
		Table posts = new Table(name("posts"), columns("title", "author_id"), new PrimaryKey(null, List.of("id")),
				List.of(), List.of(), List.of(new ForeignKey(null, List.of("author_id"), name("users"), List.of("id"),
						ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION)),
				List.of(), null);
		assertThat(name(schema(), schema(users, posts))).isEqualTo("create_posts_and_users");
		assertThat(name(schema(), schema(users))).isEqualTo("create_users");
		assertThat(name(schema(), schema(table("a"), table("b"), table("c"), table("d")))).isEqualTo("create_4_tables");
	}

	@Test
	void namesTheTableAndColumnsARevisionAdds() {
		assertThat(name(schema(table("owners")), schema(table("owners", "email")))).isEqualTo("add_owners_email");
		assertThat(name(schema(table("owners")), schema(table("owners", "email", "phone"))))
			.isEqualTo("add_owners_email_and_phone");
		assertThat(name(schema(table("owners")), schema(table("owners", "a", "b", "c"))))
			.isEqualTo("add_owners_3_columns");
		assertThat(name(schema(table("owners", "fax")), schema(table("owners")))).isEqualTo("drop_owners_fax");
	}

	@Test
	void namesAnIndexDroppedOrCreatedAlone() {
		Table indexed = new Table(name("pets"), columns("name"), new PrimaryKey(null, List.of("id")), List.of(),
				List.of(new Index("x", List.of(new Index.Key("name", false)), false, null)), List.of(), List.of(),
				null);
		assertThat(name(schema(indexed), schema(table("pets", "name")))).isEqualTo("drop_index_x");
		assertThat(name(schema(table("pets", "name")), schema(indexed))).isEqualTo("create_index_x");
	}

	@Test
	void callsMixedChangesOnOneTableAnAlterAndManyTablesByTheirNumber() {
		assertThat(name(schema(table("posts", "a")), schema(table("posts", "b")))).isEqualTo("alter_posts");
		assertThat(name(schema(table("a"), table("b")), schema(table("a", "x"), table("b", "y"))))
			.isEqualTo("alter_a_and_b");
		assertThat(name(schema(table("a"), table("b"), table("c")),
				schema(table("a", "x"), table("b", "y"), table("c", "z"))))
			.isEqualTo("alter_3_tables");
		Schema sequence = new Schema(new TreeSet<>(List.of("public")), List.of(),
				List.of(new Sequence(name("pet_seq"), 1, 50)), List.of());
		assertThat(name(schema(), sequence)).isEqualTo("create_sequence_pet_seq");
	}

	@Test
	void keepsNamesShortAsciiAndTheSameForTheSameDiff() {
		String longName = "a_table_whose_name_goes_on_and_on_for_quite_a_while";
		Schema before = schema(table(longName), table(longName + "_too"));
		Schema after = schema(table(longName, "a_column_with_an_equally_long_name"), table(longName + "_too", "b"));
		assertThat(name(before, after)).isEqualTo("alter_2_tables").isEqualTo(name(before, after));
		String single = name(schema(table(longName)), schema(table(longName, "a_column_with_an_equally_long_name")));
		assertThat(single).hasSizeLessThanOrEqualTo(50).matches("[a-z0-9_]+").doesNotEndWith("_");
		assertThat(name(schema(table("Über")), schema(table("Über", "größe")))).matches("[a-z0-9_]+");
	}

	private static String name(Schema actual, Schema desired) {
		SchemaDiff diff = new SchemaDiffer(DiffOptions.defaults().withDropUnmapped("*"), Dialects.postgresql())
			.diff(actual, desired);
		return RevisionNames.of(diff);
	}

	private static Schema schema(Table... tables) {
		return new Schema(new TreeSet<>(List.of("public")), List.of(tables), List.of(), List.of());
	}

	private static Table table(String name, String... columns) {
		return new Table(name(name), columns(columns), new PrimaryKey(null, List.of("id")), List.of(), List.of(),
				List.of(), List.of(), null);
	}

	private static List<Column> columns(String... names) {
		return java.util.stream.Stream
			.concat(java.util.stream.Stream.of(new Column("id", ColumnType.of("int8"), false, null, null, null)),
					Arrays.stream(names).map((name) -> new Column(name, ColumnType.of("text"), true, null, null, null)))
			.toList();
	}

	private static QualifiedName name(String table) {
		return new QualifiedName("public", table);
	}

}
