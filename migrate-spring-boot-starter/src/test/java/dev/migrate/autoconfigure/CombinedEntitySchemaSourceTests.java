package dev.migrate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.migrate.autoconfigure.app.data.jdbc.v1.PurchaseOrder;
import dev.migrate.autoconfigure.app.data.r2dbc.v1.Note;
import dev.migrate.autoconfigure.relational.RelationalFixtures;
import dev.migrate.autoconfigure.relational.RelationalSchemaSource;
import dev.migrate.core.schema.Schema;
import dev.migrate.relational.RelationalMappingException;
import dev.migrate.relational.RelationalTables;
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
	void writesTheSpringDataMappingOfTheFingerprintInTheSameOrderInEveryJvm() {
		Map<String, String> backfills = new LinkedHashMap<>();
		for (int column = 0; column < 12; column++) {
			backfills.put("public.order_line.c" + column, "0");
		}
		RelationalTables tables = new RelationalTables(List.of(), List.of(), List.of(), backfills);
		// An immutable map's order depends on a seed drawn anew by each JVM: only a
		// sorted one gives a development restart the same fingerprint.
		assertThat(CombinedEntitySchemaSource.mapping(tables)).endsWith(new TreeMap<>(backfills).toString());
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
