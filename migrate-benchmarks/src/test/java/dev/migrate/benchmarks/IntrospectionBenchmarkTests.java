package dev.migrate.benchmarks;

import java.sql.Connection;
import java.util.List;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.Table;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import liquibase.snapshot.DatabaseSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the three ways {@link IntrospectionBenchmark} reads a schema read the same
 * facts, so that the ratios compare equal work (not a timing test: the figures come from
 * the JMH run).
 */
@PostgresTest
class IntrospectionBenchmarkTests {

	private static final int TABLES = 25;

	@Test
	void floorAndSnapshotReadEveryObjectMigratesReaderModels(TestDatabase database) throws Exception {
		database.execute(LargeSchema.ddl(TABLES));
		try (Connection connection = database.connect()) {
			Schema schema = Dialects.postgresql().readSchema(connection, List.of("public"), List.of());
			int[] rows = CatalogFloor.read(connection, List.of("public"));
			assertThat(rows[0]).as("tables").isEqualTo(schema.tables().size()).isEqualTo(TABLES);
			assertThat(rows[1]).as("columns").isEqualTo(count(schema, (table) -> table.columns().size()));
			assertThat(rows[2]).as("primary keys, unique keys, foreign keys and checks")
				.isEqualTo(count(schema, (table) -> 1 + table.uniqueConstraints().size() + table.foreignKeys().size()
						+ table.checks().size()));
			assertThat(rows[3]).as("indexes, including those behind primary and unique keys")
				.isEqualTo(count(schema, (table) -> 1 + table.uniqueConstraints().size() + table.indexes().size()));
			assertThat(rows[4]).as("the identity columns' sequences").isEqualTo(TABLES);
			DatabaseSnapshot snapshot = LiquibaseSnapshot.take(connection, "public");
			assertThat(snapshot.get(liquibase.structure.core.Table.class)).hasSize(TABLES)
				.allSatisfy((table) -> assertThat(table.getColumns()).hasSize(10));
			assertThat(snapshot.get(liquibase.structure.core.ForeignKey.class)).hasSize(TABLES - 1);
		}
	}

	@Test
	void benchmarkMethodsRunOnTheirOwnDatabase() throws Exception {
		IntrospectionBenchmark benchmark = new IntrospectionBenchmark();
		benchmark.tables = TABLES;
		benchmark.createSchema();
		try {
			assertThat(benchmark.migrate().tables()).hasSize(TABLES);
			assertThat(benchmark.catalogFloor()[0]).isEqualTo(TABLES);
			assertThat(benchmark.liquibaseSnapshot().get(liquibase.structure.core.Table.class)).hasSize(TABLES);
		}
		finally {
			benchmark.dropSchema();
		}
	}

	private static int count(Schema schema, java.util.function.ToIntFunction<Table> perTable) {
		return schema.tables().stream().mapToInt(perTable).sum();
	}

}
