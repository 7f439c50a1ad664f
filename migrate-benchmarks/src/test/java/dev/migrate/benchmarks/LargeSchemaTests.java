package dev.migrate.benchmarks;

import java.sql.Connection;
import java.util.List;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the generated schema is what the benchmark claims to measure (not a timing
 * test: the figures come from the JMH run).
 */
@PostgresTest
class LargeSchemaTests {

	@Test
	void generatesTablesOfTenColumnsWithKeysIndexesAndChecks(TestDatabase database) throws Exception {
		database.execute(LargeSchema.ddl(25));
		try (Connection connection = database.connect()) {
			Schema schema = Dialects.postgresql().readSchema(connection, List.of("public"), List.of());
			assertThat(schema.tables()).hasSize(25).allSatisfy((Table table) -> {
				assertThat(table.columns()).hasSize(10);
				assertThat(table.primaryKey()).isNotNull();
				assertThat(table.uniqueConstraints()).hasSize(1);
				assertThat(table.indexes()).hasSize(2);
				assertThat(table.checks()).hasSize(1);
				assertThat(table.comment()).startsWith("generated table");
			});
			assertThat(schema.tables().stream().mapToInt((table) -> table.foreignKeys().size()).sum()).isEqualTo(24);
			assertThat(SchemaComparator.differences(LargeSchema.model(25, false), schema))
				.as("the in-memory model the diff benchmark uses is what the catalog holds")
				.isEmpty();
			assertThat(new SchemaDiffer(DiffOptions.defaults().withDropUnmapped("*"), Dialects.postgresql())
				.diff(schema, LargeSchema.model(25, true))
				.changes()).as("changes in every tenth table").hasSizeGreaterThanOrEqualTo(3 * 4);
		}
	}

}
