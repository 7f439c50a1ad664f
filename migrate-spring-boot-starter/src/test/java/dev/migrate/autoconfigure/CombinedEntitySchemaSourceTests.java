package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import dev.migrate.autoconfigure.app.data.r2dbc.v1.Note;
import dev.migrate.autoconfigure.relational.RelationalFixtures;
import dev.migrate.autoconfigure.relational.RelationalSchemaSource;
import dev.migrate.core.schema.Schema;
import dev.migrate.relational.RelationalMappingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tables of JPA entities and Spring Data Relational aggregates together.
 */
class CombinedEntitySchemaSourceTests {

	@Test
	void rejectsATableMappedByAJpaEntityAndBySpringDataNamingBoth() {
		EntitySchemaSource jpa = new ScannedEntitySchemaSource(List.of("dev.migrate.autoconfigure.app.r2dbc.v1"),
				getClass().getClassLoader());
		EntitySchemaSource combined = CombinedEntitySchemaSource.of(null, jpa,
				List.of(new RelationalSchemaSource("Spring Data R2DBC entity",
						() -> RelationalFixtures.r2dbcTables(Note.class))));
		assertThatExceptionOfType(RelationalMappingException.class).isThrownBy(combined::desiredSchema)
			.withMessage("Table public.note is mapped twice: by JPA entity "
					+ dev.migrate.autoconfigure.app.r2dbc.v1.Note.class.getName() + " and by Spring Data R2DBC entity "
					+ Note.class.getName());
	}

	@Test
	void combinesTheTablesOfJpaEntitiesAndSpringDataAggregates() {
		EntitySchemaSource jpa = new ScannedEntitySchemaSource(List.of("dev.migrate.autoconfigure.app.r2dbc.v1"),
				getClass().getClassLoader());
		EntitySchemaSource combined = CombinedEntitySchemaSource.of(null, jpa,
				List.of(new RelationalSchemaSource("Spring Data JDBC entity",
						() -> RelationalFixtures.jdbcTables(PurchaseOrder.class))));
		assertThat(combined.desiredSchema().tables()).extracting((table) -> table.name().name())
			.containsExactly("label", "note", "order_line", "purchase_order");
		assertThat(combined.fingerprint()).isNotNull().isEqualTo(combined.fingerprint());
	}

	@Test
	void keepsWhatTheJpaEntitiesAndTheSpringDataAggregatesDeclareTogether() {
		EntitySchemaSource jpa = new ScannedEntitySchemaSource(List.of("dev.migrate.autoconfigure.app.annotated"),
				getClass().getClassLoader());
		assertThat(jpa.desiredSchema().declarations().renames()).as("the JPA entity's @RenamedFrom").isNotEmpty();
		EntitySchemaSource combined = CombinedEntitySchemaSource.of(null, jpa, List.of(new RelationalSchemaSource(
				"Spring Data JDBC entity",
				() -> RelationalFixtures.jdbcTables(dev.migrate.autoconfigure.app.data.jdbc.v3.PurchaseOrder.class))));
		Schema schema = combined.desiredSchema();
		assertThat(schema.declarations().renames()).containsAll(jpa.desiredSchema().declarations().renames())
			.contains("public.order_line.product=item");
		assertThat(schema.declarations().backfills()).containsEntry("public.order_line.shipped", "quantity");
		assertThat(schema.declarations().columnOrder())
			.containsAllEntriesOf(jpa.desiredSchema().declarations().columnOrder());
	}

}
