package dev.migrate.hibernate;

import java.util.List;
import java.util.Map;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.CheckConstraint;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.Table;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.hibernate.fixtures.Fixture;
import dev.migrate.hibernate.fixtures.Fixtures;
import dev.migrate.hibernate.fixtures.basic.BasicTypes;
import dev.migrate.hibernate.fixtures.broken.NoIdentifier;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the entity reader makes of each mapping. The oracle proves both readers agree;
 * these prove that what they agree on is right.
 */
class EntitySchemaReaderTests {

	private final EntitySchemaReader reader = new EntitySchemaReader(Dialects.postgresql());

	@Test
	void mapsBasicAttributesToCanonicalTypesNullabilityAndDefaults() {
		Table table = table(read("basic types"), "public", "basic_types");
		assertThat(column(table, "short_code")).returns(ColumnType.of("varchar", 50), Column::type)
			.returns(false, Column::nullable);
		assertThat(column(table, "plain_text").type()).isEqualTo(ColumnType.of("varchar", 255));
		assertThat(column(table, "price").type()).isEqualTo(ColumnType.of("numeric", 10, 2));
		assertThat(column(table, "primitive_int")).returns(ColumnType.of("int4"), Column::type)
			.returns(false, Column::nullable);
		assertThat(column(table, "boxed_int").nullable()).isTrue();
		assertThat(column(table, "primitive_long").type()).isEqualTo(ColumnType.of("int8"));
		assertThat(column(table, "primitive_short").type()).isEqualTo(ColumnType.of("int2"));
		assertThat(column(table, "primitive_byte").type()).isEqualTo(ColumnType.of("int2"));
		assertThat(column(table, "primitive_float").type()).isEqualTo(ColumnType.of("float4"));
		assertThat(column(table, "boxed_double").type()).isEqualTo(ColumnType.of("float8"));
		assertThat(column(table, "flag").type()).isEqualTo(ColumnType.of("bool"));
		assertThat(column(table, "single_char").type()).isEqualTo(ColumnType.of("bpchar", 1));
		assertThat(column(table, "bytes").type()).isEqualTo(ColumnType.of("bytea"));
		assertThat(column(table, "notes").type()).isEqualTo(ColumnType.of("text"));
		assertThat(column(table, "local_date").type()).isEqualTo(ColumnType.of("date"));
		assertThat(column(table, "local_date_time").type()).isEqualTo(ColumnType.of("timestamp", 6));
		assertThat(column(table, "offset_date_time").type()).isEqualTo(ColumnType.of("timestamptz", 6));
		assertThat(column(table, "instant").type()).isEqualTo(ColumnType.of("timestamptz", 6));
		assertThat(column(table, "uuid").type()).isEqualTo(ColumnType.of("uuid"));
		assertThat(column(table, "counter").defaultValue()).isEqualTo("0");
		assertThat(column(table, "state").defaultValue()).isEqualTo("'draft'");
		assertThat(column(table, "negative").defaultValue()).isEqualTo("-1");
		assertThat(column(table, "created_at").defaultValue()).isEqualTo("current_timestamp");
		assertThat(column(table, "id")).returns(Column.Identity.BY_DEFAULT, Column::identity)
			.returns(false, Column::nullable);
		assertThat(table.primaryKey().columns()).containsExactly("id");
		assertThat(table.uniqueConstraints()).extracting(UniqueConstraint::columns)
			.containsExactly(List.of("unique_code"));
	}

	@Test
	void mapsEnumsWithTheirChecksNamedEnumTypesJsonAndArrays() {
		Schema schema = read("enums, json and arrays");
		Table table = table(schema, "public", "enums_and_json");
		assertThat(column(table, "ordinal_status").type()).isEqualTo(ColumnType.of("int2"));
		assertThat(table.checks()).extracting(CheckConstraint::expression)
			.containsExactlyInAnyOrder("(ordinal_status <= 2) and (ordinal_status >= 0)",
					"string_status = any (array['DRAFT', 'PUBLISHED', 'ARCHIVED'])");
		assertThat(column(table, "mood").type()).isEqualTo(ColumnType.of("public.mood"));
		assertThat(schema.enumTypes())
			.containsExactly(new EnumType(new QualifiedName("public", "mood"), List.of("HAPPY", "SAD")));
		assertThat(column(table, "attributes").type()).isEqualTo(ColumnType.of("jsonb"));
		assertThat(column(table, "numbers").type()).isEqualTo(new ColumnType("int4", List.of(), true));
		assertThat(column(table, "tags").type()).isEqualTo(new ColumnType("varchar", List.of(255), true));
		assertThat(column(table, "ids").type()).isEqualTo(new ColumnType("int8", List.of(), true));
	}

	@Test
	void mapsSequencesCompositeKeysAndUuidIdentifiers() {
		Schema schema = read("identifiers");
		assertThat(schema.sequences()).contains(new Sequence(new QualifiedName("public", "ticket_number_seq"), 100, 10),
				new Sequence(new QualifiedName("public", "default_sequence_entity_seq"), 1, 50));
		assertThat(table(schema, "public", "order_line").primaryKey().columns()).containsExactly("line_number",
				"order_id");
		assertThat(table(schema, "public", "enrollment").primaryKey().columns()).containsExactly("course_code",
				"student_code");
		assertThat(column(table(schema, "public", "uuid_entity"), "id").type()).isEqualTo(ColumnType.of("uuid"));
	}

	@Test
	void mapsAssociationsJoinTablesElementCollectionsAndEmbeddables() {
		Schema schema = read("relations");
		Table book = table(schema, "public", "book");
		QualifiedName author = new QualifiedName("public", "author");
		assertThat(book.foreignKeys())
			.extracting(ForeignKey::columns, ForeignKey::referencedTable, ForeignKey::onDelete)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(List.of("author_id"), author, ForeignKey.Action.CASCADE),
					org.assertj.core.groups.Tuple.tuple(List.of("editor_id"), author, ForeignKey.Action.NO_ACTION));
		assertThat(column(book, "author_id").nullable()).isFalse();
		Table joinTable = table(schema, "public", "book_genres");
		assertThat(joinTable.primaryKey().columns()).containsExactlyInAnyOrder("book_id", "genres_code");
		assertThat(joinTable.foreignKeys()).hasSize(2);
		assertThat(table(schema, "public", "author_nicknames").columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("author_id", "nicknames");
		Table authorTable = table(schema, "public", "author");
		assertThat(authorTable.uniqueConstraints()).extracting(UniqueConstraint::columns)
			.containsExactly(List.of("profile_id"));
		assertThat(column(authorTable, "city").type()).isEqualTo(ColumnType.of("varchar", 80));
		assertThat(column(authorTable, "work_city").type()).isEqualTo(ColumnType.of("varchar", 120));
		assertThat(column(authorTable, "work_street").type()).isEqualTo(ColumnType.of("varchar", 255));
		assertThat(table(schema, "public", "award").foreignKeys()).extracting(ForeignKey::columns)
			.containsExactly(List.of("author_id"));
	}

	@Test
	void mapsEachInheritanceStrategyToItsTables() {
		Schema schema = read("inheritance");
		assertThat(schema.tables()).extracting((table) -> table.name().name())
			// Nested entity classes are named Outer$Inner by Hibernate, hence the table
			// names.
			.containsExactlyInAnyOrder("vehicle", "payment", "payment$card_payment", "payment$bank_transfer",
					"shape$circle", "shape$square");
		Table vehicle = table(schema, "public", "vehicle");
		assertThat(vehicle.columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "kind", "wheels", "seats", "payload");
		assertThat(table(schema, "public", "payment$card_payment").foreignKeys())
			.extracting(ForeignKey::referencedTable)
			.containsExactly(new QualifiedName("public", "payment"));
		assertThat(table(schema, "public", "payment").columns()).extracting(Column::name)
			.contains("created_at", "created_by");
		assertThat(table(schema, "public", "shape$circle").columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "color", "radius");
	}

	@Test
	void mapsSchemasIndexesUniqueConstraintsChecksCommentsAndQuotedNames() {
		Schema schema = read("tables, schemas and quoted names");
		assertThat(schema.schemas()).containsExactly("public", "sales");
		Table customer = table(schema, "sales", "customer");
		assertThat(customer.comment()).isEqualTo("People and companies that buy from us");
		assertThat(column(customer, "credit_limit").comment()).isEqualTo("In euros");
		assertThat(customer.indexes()).extracting(Index::keys, Index::unique)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple
						.tuple(List.of(new Index.Key("last_name", false), new Index.Key("first_name", false)), false),
					org.assertj.core.groups.Tuple.tuple(List.of(new Index.Key("created_rank", true)), false));
		// Hibernate turns @Index(unique = true) into a unique constraint.
		assertThat(customer.uniqueConstraints()).extracting(UniqueConstraint::columns)
			.containsExactlyInAnyOrder(List.of("region", "code"), List.of("tax_number"), List.of("email"));
		assertThat(customer.checks()).extracting(CheckConstraint::expression)
			.containsExactly("(credit_limit < 1000000) and (credit_limit >= 0)");
		assertThat(table(schema, "sales", "customer_details").columns()).extracting(Column::name)
			.containsExactlyInAnyOrder("id", "preferences");
		Table order = table(schema, "public", "order");
		// A join column to a quoted table is quoted too, so the camel-case strategy
		// leaves it.
		assertThat(order.columns()).extracting(Column::name).containsExactlyInAnyOrder("id", "group", "placedBy_id");
		Table user = table(schema, "public", "user");
		assertThat(user.columns()).extracting(Column::name).containsExactlyInAnyOrder("id", "DisplayName");
		assertThat(user.uniqueConstraints()).extracting(UniqueConstraint::columns)
			.containsExactly(List.of("DisplayName"));
	}

	@Test
	void honoursThePhysicalNamingStrategyAndTheDefaultSchema() {
		Schema hibernateNaming = this.reader.read(List.of(BasicTypes.class),
				Map.of(AvailableSettings.KEYWORD_AUTO_QUOTING_ENABLED, true));
		Table table = table(hibernateNaming, "public", "basictypes");
		assertThat(table.column("shortcode")).isPresent();
		assertThat(table.column("localTime")).as("auto-quoted keyword keeps its case").isPresent();
		Schema inventory = read("identifiers in a default schema");
		assertThat(inventory.tables()).extracting((t) -> t.name().schema()).containsOnly("inventory");
		assertThat(inventory.sequences()).extracting((s) -> s.name().schema()).containsOnly("inventory");
	}

	@Test
	void namesTheEntityHibernateRejectsWithHibernatesMessage() {
		assertThatExceptionOfType(EntityMappingException.class)
			.isThrownBy(
					() -> this.reader.read(List.of(BasicTypes.class, NoIdentifier.class), Fixtures.springBootNaming()))
			.withMessageStartingWith("Entity " + NoIdentifier.class.getName() + " was rejected by Hibernate: ")
			.withMessageContaining("identifier");
	}

	@Test
	void namesTheEntityTableColumnAndExpressionOfADefaultItCannotRead() {
		assertThatExceptionOfType(EntityMappingException.class)
			.isThrownBy(() -> this.reader.read(List.of(UnterminatedDefault.class), Fixtures.springBootNaming()))
			.withMessageStartingWith("Cannot read the default of column status of table public.drafts (entity "
					+ UnterminatedDefault.class.getName() + "): unterminated ' in: 'draft")
			.withMessageContaining("Nothing was read from or changed in the database")
			.withMessageContaining("then start again");
	}

	@Test
	void namesTheTableAndExpressionOfACheckItCannotRead() {
		assertThatExceptionOfType(EntityMappingException.class)
			.isThrownBy(() -> this.reader.read(List.of(UnterminatedCheck.class), Fixtures.springBootNaming()))
			.withMessageStartingWith("Cannot read check status_known of table public.checked (entity "
					+ UnterminatedCheck.class.getName() + "): unterminated ' in: status <> 'x");
	}

	@jakarta.persistence.Entity
	@jakarta.persistence.Table(name = "drafts")
	static class UnterminatedDefault {

		@jakarta.persistence.Id
		Long id;

		@org.hibernate.annotations.ColumnDefault("'draft")
		String status;

	}

	@jakarta.persistence.Entity
	@jakarta.persistence.Table(name = "checked")
	@org.hibernate.annotations.Check(name = "status_known", constraints = "status <> 'x")
	static class UnterminatedCheck {

		@jakarta.persistence.Id
		Long id;

		String status;

	}

	@Test
	void declaresEachTablesColumnsInTheOrderOfTheFieldsIdentifierFirstSuperclassesBeforeSubclasses() {
		Schema basic = read("basic types");
		assertThat(basic.declarations().columnOrder(new QualifiedName("public", "basic_types"))).startsWith("id",
				"plain_text", "short_code", "unique_code", "price", "default_decimal", "big_integer", "primitive_int");
		Schema inheritance = read("inheritance");
		assertThat(inheritance.declarations().columnOrder(new QualifiedName("public", "vehicle")))
			.startsWith("id", "wheels")
			.contains("seats", "payload");
	}

	@Test
	void readsTheRenamesAndBackfillsTheEntitiesDeclare() {
		Schema schema = this.reader.read(List.of(Declaring.class), Fixtures.springBootNaming());
		assertThat(schema.declarations().renames()).containsExactlyInAnyOrder("public.old_declaring=declaring",
				"public.declaring.bio=about");
		assertThat(schema.declarations().backfills()).containsExactly(Map.entry("public.declaring.score", "0"));
	}

	@jakarta.persistence.Entity
	@jakarta.persistence.Table(name = "declaring")
	@dev.migrate.mapping.RenamedFrom("old_declaring")
	static class Declaring {

		@jakarta.persistence.Id
		Long id;

		@dev.migrate.mapping.RenamedFrom("bio")
		String about;

		@dev.migrate.mapping.Backfill("0")
		int score;

	}

	@Test
	void appliesBeanValidationConstraintsAsHibernatesDdlDoes() {
		Schema schema = read("Bean Validation");
		Table owners = table(schema, "public", "owners");
		assertThat(List.of("first_name", "last_name", "city", "email"))
			.allSatisfy((name) -> assertThat(column(owners, name).nullable()).as("%s is NOT NULL", name).isFalse());
		assertThat(column(owners, "nickname").nullable()).as("a constraint of another group").isTrue();
		assertThat(column(owners, "address").type()).as("@Size over @Column(length)")
			.isEqualTo(ColumnType.of("varchar", 145));
		assertThat(column(owners, "country").type()).isEqualTo(ColumnType.of("varchar", 30));
		assertThat(column(owners, "telephone").type()).as("@Length").isEqualTo(ColumnType.of("varchar", 20));
		assertThat(column(owners, "balance").type()).as("@Digits").isEqualTo(ColumnType.of("numeric", 9, 2));
		assertThat(column(owners, "street").type()).as("in a @Valid embeddable")
			.isEqualTo(ColumnType.of("varchar", 120));
		assertThat(column(owners, "work_street").type()).as("in an embeddable that is not @Valid")
			.isEqualTo(ColumnType.of("varchar", 255));
		assertThat(owners.checks()).extracting(CheckConstraint::expression)
			.contains("(age <= 120) and (age >= 0)", "(rating <= 5) and (rating >= 1)");
		assertThat(column(table(schema, "public", "pets"), "owner_id").nullable()).as("@NotNull @ManyToOne").isFalse();
		assertThat(column(table(schema, "public", "pets"), "name").nullable()).as("@NotBlank on a getter").isFalse();
		Table staff = table(schema, "public", "staff");
		assertThat(column(staff, "name").nullable()).as("from a mapped superclass").isFalse();
		assertThat(column(staff, "specialty").nullable()).as("a single-table subclass's column").isTrue();
		assertThat(column(table(schema, "public", "surgeries"), "room").nullable()).as("a joined subclass's column")
			.isFalse();
	}

	@Test
	void leavesBeanValidationOutWhenHibernateIsToldNotToApplyItToDdl() {
		for (String fixture : List.of("Bean Validation, not applied to DDL", "Bean Validation, callback mode only")) {
			Table owners = table(read(fixture), "public", "owners");
			assertThat(column(owners, "first_name").nullable()).as(fixture).isTrue();
			assertThat(owners.checks()).as(fixture).isEmpty();
		}
	}

	private Schema read(String fixtureName) {
		Fixture fixture = Fixtures.all()
			.stream()
			.filter((candidate) -> candidate.name().equals(fixtureName))
			.findFirst()
			.orElseThrow();
		return this.reader.read(fixture.entityClasses(), fixture.settings());
	}

	private static Table table(Schema schema, String schemaName, String name) {
		return schema.table(new QualifiedName(schemaName, name))
			.orElseThrow(() -> new AssertionError("no table " + schemaName + "." + name + " in "
					+ schema.tables().stream().map(Table::name).toList()));
	}

	private static Column column(Table table, String name) {
		return table.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + table.name()));
	}

}
