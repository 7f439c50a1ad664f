package dev.migrate.core.evolution;

import java.util.List;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.RenameHints;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ForeignKey.Action;
import dev.migrate.core.schema.QualifiedName;

import static dev.migrate.core.evolution.TestSchemas.schema;

/**
 * The v1 to v2 evolutions that cover every kind of change.
 */
final class Evolutions {

	private static final String SEED_PERSON = "INSERT INTO person (id, name) VALUES (1, 'Ada'), (2, 'Grace')";

	private Evolutions() {
	}

	static List<Evolution> all() {
		return evolutions().stream().map(EvolutionRows::withRows).toList();
	}

	private static List<Evolution> evolutions() {
		return List
			.of(Evolution.of("create a table next to a populated one", person(),
					person().table("extra", (t) -> t.id())),
					Evolution
						.of("add a nullable column to a populated table", person(),
								schema().table("person",
										(t) -> t.id().column("name", "varchar(50)").column("bio", "text")))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("add a NOT NULL column with a default to a populated table", person(), schema().table(
								"person",
								(t) -> t.id().column("name", "varchar(50)").column("score", "integer", false, "10")))
						.keeps(SEED_PERSON, "SELECT sum(score) FROM person", "20"),
					Evolution.of("drop a column",
							schema().table("person",
									(t) -> t.id().column("name", "varchar(50)").column("legacy", "text")),
							person()),
					Evolution
						.of("widen varchar", person(),
								schema().table("person", (t) -> t.id().column("name", "varchar(200)")))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("varchar to text", person(), schema().table("person", (t) -> t.id().column("name", "text")))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("integer to bigint", schema().table("counter", (t) -> t.id().column("hits", "integer")),
								schema().table("counter", (t) -> t.id().column("hits", "bigint")))
						.keeps("INSERT INTO counter (id, hits) VALUES (1, 2147483647)", "SELECT hits + 1 FROM counter",
								"2147483648"),
					Evolution
						.of("raise numeric precision",
								schema().table("price", (t) -> t.id().column("amount", "numeric(10,2)")),
								schema().table("price", (t) -> t.id().column("amount", "numeric(14,2)")))
						.keeps("INSERT INTO price (id, amount) VALUES (1, 12345678.91)", "SELECT amount FROM price",
								"12345678.91"),
					Evolution.of("narrow varchar",
							schema().table("person", (t) -> t.id().column("name", "varchar(200)")), person()),
					Evolution
						.of("make a column nullable",
								schema().table("person", (t) -> t.id().required("name", "varchar(50)")), person())
						.keeps(SEED_PERSON, "SELECT count(*) FROM person", "2"),
					Evolution
						.of("make a column NOT NULL, backfilling the default",
								schema().table("person", (t) -> t.id().column("name", "varchar(50)")),
								schema().table("person",
										(t) -> t.id().column("name", "varchar(50)", false, "'unknown'")))
						.keeps("INSERT INTO person (id, name) VALUES (1, NULL), (2, 'Grace')",
								"SELECT string_agg(name, ',' ORDER BY id) FROM person", "unknown,Grace"),
					Evolution.of("set, change and drop defaults",
							schema().table("item",
									(t) -> t.id()
										.column("state", "varchar(10)", true, "'new'")
										.column("qty", "integer")
										.column("created", "timestamptz", true, "now()")),
							schema().table("item",
									(t) -> t.id()
										.column("state", "varchar(10)", true, "'draft'")
										.column("qty", "integer", true, "1")
										.column("created", "timestamptz"))),
					Evolution.of("change the primary key", schema().table("membership",
							(t) -> t.required("member", "bigint").required("club", "bigint").primaryKey("member")),
							schema().table("membership",
									(t) -> t.required("member", "bigint")
										.required("club", "bigint")
										.primaryKey("member", "club"))),
					Evolution
						.of("add and drop unique constraints", schema().table(
								"account",
								(t) -> t.id().column("email", "varchar(100)").column("login", "text").unique("login")),
								schema().table("account",
										(t) -> t.id()
											.column("email", "varchar(100)")
											.column("login", "text")
											.unique("email"))),
					Evolution.of("add and drop indexes, ordered and multi-column",
							schema().table("event",
									(t) -> t.id().column("at", "timestamptz").column("kind", "text").index("kind")),
							schema().table("event",
									(t) -> t.id()
										.column("at", "timestamptz")
										.column("kind", "text")
										.index("kind", "at desc"))),
					Evolution.of("expression, partial and unique indexes", person(),
							schema().table("person",
									(t) -> t.id()
										.column("name", "varchar(50)")
										.index(false, null, "lower(name)")
										.index(true, "id > 100", "name"))),
					Evolution.of("add, drop and change foreign keys",
							schema().table("author", (t) -> t.id())
								.table("book",
										(t) -> t.id()
											.column("author_id", "bigint")
											.column("editor_id", "bigint")
											.foreignKey("author_id", "author", "id", Action.NO_ACTION)),
							schema().table("author", (t) -> t.id())
								.table("book",
										(t) -> t.id()
											.column("author_id", "bigint")
											.column("editor_id", "bigint")
											.foreignKey("author_id", "author", "id", Action.CASCADE)
											.foreignKey("editor_id", "author", "id", Action.SET_NULL))),
					Evolution.of("add and drop checks",
							schema().table("product",
									(t) -> t.id().column("price", "numeric(10,2)").check("price > 0")),
							schema().table("product",
									(t) -> t.id()
										.column("price", "numeric(10,2)")
										.check("price >= 0 and price < 100000"))),
					Evolution
						.of("create, alter and drop sequences",
								schema().sequence("invoice_seq", 1, 1).sequence("old_seq", 1, 1),
								schema().sequence("invoice_seq", 1, 50).sequence("ticket_seq", 1000, 10))
						.options(DiffOptions.defaults().withIncludeTables("public.*")),
					Evolution.of("create an enum type and a column of it", person(),
							schema().enumType("mood", "happy", "sad")
								.table("person",
										(t) -> t.id().column("name", "varchar(50)").column("mood", "public.mood"))),
					Evolution
						.of("add enum labels",
								schema().enumType("mood", "happy", "sad")
									.table("diary", (t) -> t.id().column("mood", "public.mood")),
								schema().enumType("mood", "ecstatic", "happy", "sad", "angry")
									.table("diary", (t) -> t.id().column("mood", "public.mood")))
						.keeps("INSERT INTO diary (id, mood) VALUES (1, 'sad')", "SELECT mood FROM diary", "sad"),
					Evolution.of("remove an enum label",
							schema().enumType("mood", "happy", "meh", "sad")
								.table("diary", (t) -> t.id().column("mood", "public.mood")),
							schema().enumType("mood", "happy", "sad")
								.table("diary", (t) -> t.id().column("mood", "public.mood"))),
					Evolution.of("table and column comments",
							schema().table("person",
									(t) -> t.id().commented("name", "varchar(50)", "given name").comment("people")),
							schema().table("person", (t) -> t.id().commented("name", "varchar(50)", "full name"))),
					Evolution.of("create a table that references an existing one", person(),
							person().table("address",
									(t) -> t.id()
										.required("person_id", "bigint")
										.column("city", "text")
										.foreignKey("person_id", "person", "id", Action.CASCADE)
										.index("person_id"))),
					Evolution
						.of("drop a table", person().table("obsolete", (t) -> t.id().column("x", "text")), person())
						.options(DiffOptions.defaults().withIncludeTables("public.*")),
					Evolution
						.of("rename a column with a hint", person(),
								schema().table("person", (t) -> t.id().column("full_name", "varchar(50)")))
						.options(DiffOptions.defaults()
							.withRenames(RenameHints.none()
								.column(new QualifiedName("public", "person"), "name", "full_name")))
						.keeps(SEED_PERSON, "SELECT string_agg(full_name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("rename a table with a hint", person(),
								schema().table("customer", (t) -> t.id().column("name", "varchar(50)")))
						.options(DiffOptions.defaults()
							.withRenames(RenameHints.none()
								.table(new QualifiedName("public", "person"), new QualifiedName("public", "customer"))))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM customer", "Ada,Grace"),
					Evolution
						.of("rename a table with a hint and drop its check, unique key and index",
								schema().table("person",
										(t) -> t.id()
											.column("name", "varchar(50)")
											.column("age", "integer")
											.check("age >= 0")
											.unique("name")
											.index("age")),
								schema().table("customer",
										(t) -> t.id().column("name", "varchar(50)").column("age", "integer")))
						.options(DiffOptions.defaults()
							.withRenames(RenameHints.none()
								.table(new QualifiedName("public", "person"), new QualifiedName("public", "customer"))))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM customer", "Ada,Grace"),
					Evolution
						.of("rename a table with a hint and create a new one with its old name",
								schema().table("person", (t) -> t.id().column("name", "varchar(50)").unique("name")),
								schema().table("customer", (t) -> t.id().column("name", "varchar(50)").unique("name"))
									.table("person", (t) -> t.id().column("name", "varchar(50)").unique("name")))
						.options(DiffOptions.defaults()
							.withRenames(RenameHints.none()
								.table(new QualifiedName("public", "person"), new QualifiedName("public", "customer"))))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM customer", "Ada,Grace"),
					Evolution.of("rename a column with a hint and drop its check",
							schema().table("person", (t) -> t.id().column("age", "integer").check("age >= 0")),
							schema().table("person", (t) -> t.id().column("years", "integer")))
						.options(
								DiffOptions.defaults()
									.withRenames(RenameHints.none()
										.column(new QualifiedName("public", "person"), "age", "years")))
						.keeps("INSERT INTO person (id, age) VALUES (1, 36)", "SELECT years FROM person", "36"),
					Evolution.of("rename a column with a hint that its check and index follow", schema().table("person",
							(t) -> t.id().column("age", "integer").check("age >= 0").index(false, "age > 17", "age")),
							schema().table("person",
									(t) -> t.id()
										.column("years", "integer")
										.check("years >= 0")
										.index(false, "years > 17", "years")))
						.options(
								DiffOptions.defaults()
									.withRenames(RenameHints.none()
										.column(new QualifiedName("public", "person"), "age", "years")))
						.keeps("INSERT INTO person (id, age) VALUES (1, 36)", "SELECT years FROM person", "36"),
					Evolution.of("identity columns",
							schema().table("ticket",
									(t) -> t.identity("id", "bigint", Column.Identity.ALWAYS)
										.primaryKey("id")
										.required("seq", "integer")),
							schema().table("ticket",
									(t) -> t.identity("id", "bigint", Column.Identity.BY_DEFAULT)
										.primaryKey("id")
										.identity("seq", "integer", Column.Identity.BY_DEFAULT))),
					Evolution.of("a table in a new schema", person(),
							person().table("audit.entry", (t) -> t.id().column("what", "text"))),
					Evolution.of("composite keys, unique and foreign key",
							schema().table("region",
									(t) -> t.required("country", "char(2)")
										.required("code", "varchar(10)")
										.primaryKey("country", "code")),
							schema()
								.table("region",
										(t) -> t.required("country", "char(2)")
											.required("code", "varchar(10)")
											.primaryKey("country", "code"))
								.table("office",
										(t) -> t.id()
											.column("country", "char(2)")
											.column("code", "varchar(10)")
											.unique("country", "code")
											.foreignKey("country, code", "region", "country, code", Action.RESTRICT))),
					Evolution
						.of("online: concurrent index, NOT VALID foreign key and check", schema()
							.table("author", (t) -> t.id())
							.table("book", (t) -> t.id().column("author_id", "bigint").column("pages", "integer")),
								schema().table("author", (t) -> t.id())
									.table("book", (t) -> t
										.id()
										.column("author_id", "bigint")
										.column("pages", "integer")
										.index("author_id")
										.foreignKey("author_id", "author", "id", Action.NO_ACTION)
										.check("pages > 0")))
						.options(DiffOptions.defaults().withOnline(true))
						.keeps("INSERT INTO author VALUES (1); INSERT INTO book (id, author_id, pages) VALUES (1, 1, 10)",
								"SELECT count(*) FROM book", "1"),
					Evolution.of("online: NOT NULL proven by a validated check, with and without a backfill",
							person().table("score", (t) -> t.id().column("points", "integer")),
							schema()
								.table("person", (t) -> t.id().required("name", "varchar(50)"))
								.table("score", (t) -> t.id().column("points", "integer", false, "0")))
						.options(DiffOptions.defaults().withOnline(true))
						.keeps(SEED_PERSON + "; INSERT INTO score VALUES (1, NULL), (2, 5)",
								"SELECT string_agg(name || points, ',' ORDER BY person.id) FROM person JOIN score USING (id)",
								"Ada0,Grace5"),
					Evolution
						.of("online: unique constraint and primary key through concurrent unique indexes",
								person().table("tag", (t) -> t.required("code", "varchar(20)").column("label", "text")),
								schema().table("person", (t) -> t.id().column("name", "varchar(50)").unique("name"))
									.table("tag",
											(t) -> t.required("code", "varchar(20)")
												.column("label", "text")
												.primaryKey("code")))
						.options(DiffOptions.defaults().withOnline(true))
						.keeps(SEED_PERSON + "; INSERT INTO tag VALUES ('a', 'A'), ('b', 'B')",
								"SELECT string_agg(name, ',' ORDER BY id) || (SELECT count(*) FROM tag) FROM person",
								"Ada,Grace2"),
					Evolution
						.of("online: a changed index built concurrently and swapped in under its name", schema().table(
								"person",
								(t) -> t.id().column("name", "varchar(50)").namedIndex("person_lookup", "name")),
								schema().table("person",
										(t) -> t.id()
											.column("name", "varchar(50)")
											.namedIndex("person_lookup", "lower((name)::text)", "id")))
						.options(DiffOptions.defaults().withOnline(true))
						.keeps(SEED_PERSON, "SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("add a NOT NULL column without a default to a populated table, with a backfill", person(),
								schema().table("person",
										(t) -> t.id().column("name", "varchar(50)").required("score", "integer")))
						.options(DiffOptions.defaults().withBackfills(List.of("person.score=length(name)")))
						.keeps(SEED_PERSON, "SELECT string_agg(name || score, ',' ORDER BY id) FROM person",
								"Ada3,Grace5"),
					Evolution
						.of("online: a NOT NULL column without a default, with a backfill", person(),
								schema().table("person",
										(t) -> t.id().column("name", "varchar(50)").required("score", "integer")))
						.options(DiffOptions.defaults()
							.withOnline(true)
							.withBackfills(List.of("public.person.score=length(name)")))
						.keeps(SEED_PERSON, "SELECT string_agg(name || score, ',' ORDER BY id) FROM person",
								"Ada3,Grace5"),
					Evolution
						.of("drop a table whose columns were created in declared order, not by name",
								person().declared()
									.table("obsolete", (t) -> t.id().column("zone", "text").column("area", "integer")),
								person())
						.options(DiffOptions.defaults().withIncludeTables("public.*"))
						.keeps(SEED_PERSON + "; INSERT INTO obsolete (id, zone, area) VALUES (1, 'z', 2)",
								"SELECT string_agg(name, ',' ORDER BY id) FROM person", "Ada,Grace"),
					Evolution
						.of("drop a varchar column with a check of an IN list, as entities declare one",
								schema().declared()
									.table("ticket",
											(t) -> t.id()
												.column("status", "varchar(10)")
												.check("status in ('open', 'closed')")),
								schema().table("ticket", (t) -> t.id()))
						.keeps("INSERT INTO ticket (id, status) VALUES (1, 'open')", "SELECT count(*) FROM ticket",
								"1"),
					Evolution.of("types that Liquibase cannot spell: numeric arrays, intervals",
							schema().table("measure", (t) -> t.id()),
							schema().table("measure",
									(t) -> t.id()
										.column("samples", "numeric(10,2)[]")
										.column("took", "interval second(6)"))));
	}

	private static TestSchemas.SchemaBuilder person() {
		return schema().table("person", (t) -> t.id().column("name", "varchar(50)"));
	}

}
