package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a schema written by hand in SQL, independently of Hibernate.
 */
@PostgresTest
class CatalogReaderTests {

	private static Schema schema;

	@BeforeAll
	static void createAndReadSchema(TestDatabase database) throws SQLException {
		database.execute("""
				CREATE SCHEMA shop;
				CREATE TYPE shop.state AS ENUM ('new', 'paid', 'shipped');
				CREATE SEQUENCE shop.invoice_numbers START 1000 INCREMENT 5;
				CREATE TABLE shop.customer (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    email character varying(320) NOT NULL UNIQUE,
				    name text,
				    created timestamp with time zone DEFAULT now() NOT NULL
				);
				CREATE TABLE shop."Order" (
				    id serial,
				    customer_id bigint REFERENCES shop.customer ON DELETE SET NULL ON UPDATE CASCADE,
				    state shop.state DEFAULT 'new' NOT NULL,
				    history shop.state[],
				    total numeric(12, 2) CHECK (total >= 0),
				    tags text[],
				    "Note" varchar(20) DEFAULT 'n/a',
				    PRIMARY KEY (id),
				    CONSTRAINT order_customer_state_uk UNIQUE (customer_id, state)
				);
				CREATE INDEX order_total_desc ON shop."Order" (total DESC, id);
				CREATE INDEX order_note_lower ON shop."Order" (lower("Note")) WHERE total > 100;
				COMMENT ON TABLE shop.customer IS 'Who buys';
				COMMENT ON COLUMN shop.customer.email IS 'Login';
				""");
		try (Connection connection = database.connect()) {
			schema = Dialects.forConnection(connection).readSchema(connection, List.of("shop"), List.of());
		}
	}

	@Test
	void readsTablesWithCommentsIdentityAndDefaults() {
		Table customer = table("customer");
		assertThat(customer.comment()).isEqualTo("Who buys");
		assertThat(customer.column("id").orElseThrow()).returns(Column.Identity.ALWAYS, Column::identity)
			.returns(null, Column::defaultValue)
			.returns(false, Column::nullable);
		assertThat(customer.column("email").orElseThrow()).returns(ColumnType.of("varchar", 320), Column::type)
			.returns("Login", Column::comment);
		assertThat(customer.column("created").orElseThrow()).returns(ColumnType.of("timestamptz", 6), Column::type)
			.returns("now()", Column::defaultValue);
		assertThat(customer.uniqueConstraints()).extracting(UniqueConstraint::columns)
			.containsExactly(List.of("email"));
	}

	@Test
	void readsQuotedNamesEnumTypesArraysAndSerialDefaults() {
		Table order = table("Order");
		assertThat(order.column("state").orElseThrow()).returns(ColumnType.of("shop.state"), Column::type)
			.returns("'new'", Column::defaultValue);
		assertThat(order.column("history").orElseThrow().type())
			.isEqualTo(new ColumnType("shop.state", List.of(), true));
		assertThat(order.column("tags").orElseThrow().type()).isEqualTo(new ColumnType("text", List.of(), true));
		assertThat(order.column("Note").orElseThrow().defaultValue()).isEqualTo("'n/a'");
		assertThat(order.column("id").orElseThrow().defaultValue()).isEqualTo("nextval('shop.\"Order_id_seq\"')");
		assertThat(schema.enumTypes())
			.containsExactly(new EnumType(new QualifiedName("shop", "state"), List.of("new", "paid", "shipped")));
	}

	@Test
	void readsConstraintsWithTheirActionsAndExpressions() {
		Table order = table("Order");
		assertThat(order.primaryKey().columns()).containsExactly("id");
		assertThat(order.foreignKeys()).singleElement()
			.returns(List.of("customer_id"), ForeignKey::columns)
			.returns(new QualifiedName("shop", "customer"), ForeignKey::referencedTable)
			.returns(List.of("id"), ForeignKey::referencedColumns)
			.returns(ForeignKey.Action.SET_NULL, ForeignKey::onDelete)
			.returns(ForeignKey.Action.CASCADE, ForeignKey::onUpdate);
		assertThat(order.uniqueConstraints()).singleElement()
			.returns("order_customer_state_uk", UniqueConstraint::name)
			.returns(List.of("customer_id", "state"), UniqueConstraint::columns);
		assertThat(order.checks()).extracting(CheckConstraint::expression).containsExactly("total >= 0");
	}

	@Test
	void readsIndexesWithOrderExpressionsAndPredicates() {
		assertThat(table("Order").indexes()).containsExactlyInAnyOrder(
				new Index("order_total_desc", List.of(new Index.Key("total", true), new Index.Key("id", false)), false,
						null),
				new Index("order_note_lower", List.of(new Index.Key("lower(\"Note\")", false)), false, "total > 100"));
	}

	@Test
	void readsSequencesButNotThoseOwnedByIdentityColumns() {
		assertThat(schema.sequences()).extracting(Sequence::name)
			.containsExactlyInAnyOrder(new QualifiedName("shop", "invoice_numbers"),
					new QualifiedName("shop", "Order_id_seq"));
		assertThat(schema.sequences()).contains(new Sequence(new QualifiedName("shop", "invoice_numbers"), 1000, 5));
	}

	private static Table table(String name) {
		return schema.table(new QualifiedName("shop", name)).orElseThrow();
	}

}
