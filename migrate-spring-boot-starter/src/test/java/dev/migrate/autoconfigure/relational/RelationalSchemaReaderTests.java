package dev.migrate.autoconfigure.relational;

import java.util.List;

import dev.migrate.autoconfigure.app.data.broken.Sensor;
import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import dev.migrate.autoconfigure.app.data.quoted.PaymentLog;
import dev.migrate.autoconfigure.app.data.r2dbc.v1.Attachment;
import dev.migrate.autoconfigure.app.data.r2dbc.v1.Note;
import dev.migrate.core.schema.Column;
import dev.migrate.core.schema.ColumnType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Index;
import dev.migrate.core.schema.PrimaryKey;
import dev.migrate.core.schema.QualifiedName;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Sequence;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.mapping.Indexed;
import dev.migrate.relational.RelationalAggregates;
import dev.migrate.relational.RelationalMappingException;
import dev.migrate.relational.RelationalTables;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.PostgresDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What Spring Data Relational mappings translate to, without a database.
 */
class RelationalSchemaReaderTests {

	@Test
	void readsRecordsAndClassesWithTheirTypesAndTheirValidationConstraints() {
		Schema schema = RelationalFixtures.r2dbc(Note.class, Attachment.class);
		assertThat(table(schema, "note").columns()).containsExactly(column("created_at", "timestamptz", true, 6),
				new Column("id", ColumnType.of("int8"), false, null, Column.Identity.BY_DEFAULT, null),
				new Column("labels", new ColumnType("text", List.of(), true), true, null, null, null),
				column("text", "varchar", false, 200), column("version", "int8", false));
		assertThat(table(schema, "note").primaryKey()).isEqualTo(new PrimaryKey(null, List.of("id")));
		assertThat(table(schema, "note_attachment").columns()).containsExactly(column("content", "bytea", true),
				column("id", "uuid", false), column("kind", "text", false), column("note_id", "int8", false),
				column("size_in_kb", "numeric", true, 10, 2));
	}

	@Test
	void addsTheUniqueConstraintsIndexesAndDefaultsOfMigratesAnnotations() {
		Schema schema = RelationalFixtures.r2dbc(dev.migrate.autoconfigure.app.data.r2dbc.v2.Note.class,
				Attachment.class);
		assertThat(table(schema, "note").indexes())
			.as("once, though a record component's annotation is on " + "its field and its accessor")
			.containsExactly(new Index(null, List.of(new Index.Key("created_at", false)), false, null));
		assertThat(table(schema, "note").column("pinned"))
			.contains(new Column("pinned", ColumnType.of("bool"), false, "false", null, null));
		assertThat(table(schema, "note_attachment").uniqueConstraints())
			.containsExactly(new UniqueConstraint(null, List.of("note_id", "kind")));
		assertThat(table(RelationalFixtures.jdbc(PurchaseOrder.class), "purchase_order").indexes()).containsExactly(
				new Index("purchase_order_by_customer", List.of(new Index.Key("customer", false)), false, null));
	}

	@Test
	void rejectsAClassLevelConstraintOnAColumnTheTableDoesNotHave() {
		assertThatExceptionOfType(RelationalMappingException.class)
			.isThrownBy(() -> RelationalFixtures.r2dbc(Misnamed.class))
			.withMessage(Misnamed.class.getName()
					+ " declares a unique constraint or index on column 'nme', which table public.misnamed does not have");
	}

	@Table
	@Indexed(columns = "nme")
	record Misnamed(@Id Long id, String name) {

	}

	@Test
	void namesTheTableColumnPropertyAndExpressionOfADefaultItCannotRead() {
		assertThatExceptionOfType(RelationalMappingException.class)
			.isThrownBy(() -> RelationalFixtures.r2dbc(UnterminatedDefault.class))
			.withMessageStartingWith("Cannot read the default of column status of table public.unterminated_default ("
					+ UnterminatedDefault.class.getName() + ".status): unterminated ' in: 'draft")
			.withMessageContaining("Nothing was read from or changed in the database")
			.withMessageEndingWith("then start again.");
	}

	@Table
	record UnterminatedDefault(@Id Long id, @dev.migrate.mapping.ColumnDefault("'draft") String status) {

	}

	@Test
	void mapsAMappedCollectionToAChildTableWithABackReferenceAndAKeyColumn() {
		Schema schema = RelationalFixtures.jdbc(PurchaseOrder.class);
		assertThat(schema.tables()).extracting((table) -> table.name().name())
			.containsExactly("label", "order_line", "purchase_order");
		dev.migrate.core.schema.Table lines = table(schema, "order_line");
		assertThat(lines.columns()).containsExactly(column("position", "int4", false), column("product", "text", true),
				column("purchase_order", "int8", false), column("quantity", "int4", false));
		assertThat(lines.primaryKey()).isEqualTo(new PrimaryKey(null, List.of("purchase_order", "position")));
		ForeignKey toOrder = new ForeignKey(null, List.of("purchase_order"),
				new QualifiedName("public", "purchase_order"), List.of("id"), ForeignKey.Action.NO_ACTION,
				ForeignKey.Action.NO_ACTION);
		assertThat(lines.foreignKeys()).containsExactly(toOrder);
		dev.migrate.core.schema.Table labels = table(schema, "label");
		assertThat(labels.primaryKey()).as("a set's elements have no key").isNull();
		assertThat(labels.columns()).containsExactly(column("name", "text", true),
				column("purchase_order", "int8", false));
		assertThat(table(schema, "purchase_order").columns()).containsExactly(column("customer", "text", false),
				new Column("id", ColumnType.of("int8"), false, null, Column.Identity.BY_DEFAULT, null),
				column("placed_on", "date", true), column("ship_city", "text", true),
				column("ship_street", "text", true), column("version", "int4", false));
	}

	@Test
	void namesTablesAndColumnsWithTheApplicationsNamingStrategy() {
		NamingStrategy prefixed = new NamingStrategy() {

			@Override
			public String getTableName(Class<?> type) {
				return "app_" + NamingStrategy.super.getTableName(type);
			}

			@Override
			public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
				return "owner_id";
			}

		};
		RelationalTables tables = RelationalAggregates.read(new R2dbcMappingContext(prefixed),
				R2dbcCustomConversions.of(PostgresDialect.INSTANCE, List.of()), false, List.of(Note.class));
		assertThat(tables.tables()).extracting((mapped) -> mapped.table().name().name()).containsExactly("app_note");
	}

	@Test
	void keepsTheCaseOfExplicitNamesWhichSpringDataQuotes() {
		for (Schema schema : List.of(RelationalFixtures.jdbc(PaymentLog.class),
				RelationalFixtures.r2dbc(PaymentLog.class))) {
			assertThat(table(schema, "PaymentLog").columns()).extracting(Column::name).containsExactly("Amount", "id");
		}
	}

	@Test
	void createsTheSequenceAnIdIsDrawnFromInsteadOfAnIdentity() {
		Schema schema = RelationalFixtures.jdbc(PaymentLog.class);
		assertThat(schema.sequences())
			.containsExactly(new Sequence(new QualifiedName("public", "payment_log_seq"), 1, 1));
		assertThat(table(schema, "PaymentLog").column("id")).get()
			.satisfies((id) -> assertThat(id.identity()).isNull());
	}

	@Test
	void rejectsAPropertyTypeWithoutAColumnTypeNamingTheClassPropertyAndType() {
		assertThatExceptionOfType(RelationalMappingException.class)
			.isThrownBy(() -> RelationalFixtures.r2dbc(Sensor.class))
			.withMessageContaining(Sensor.class.getName() + ".endpoint")
			.withMessageContaining("java.net.URI");
	}

	@Test
	void rejectsAnEntityValuedPropertyInSpringDataR2dbcWhichMapsNoChildTables() {
		assertThatExceptionOfType(RelationalMappingException.class)
			.isThrownBy(() -> RelationalFixtures.r2dbc(PurchaseOrder.class))
			.withMessageContaining(PurchaseOrder.class.getName() + ".")
			.withMessageContaining("Spring Data R2DBC maps no child tables");
	}

	private static dev.migrate.core.schema.Table table(Schema schema, String name) {
		return schema.table(new QualifiedName("public", name)).orElseThrow();
	}

	private static Column column(String name, String type, boolean nullable, Integer... arguments) {
		return new Column(name, ColumnType.of(type, arguments), nullable, null, null, null);
	}

}
