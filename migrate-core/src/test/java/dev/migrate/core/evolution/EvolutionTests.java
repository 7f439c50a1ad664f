package dev.migrate.core.evolution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migrate.core.diff.Change;
import dev.migrate.core.schema.Schema;
import dev.migrate.core.schema.SchemaComparator;
import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every evolution: build v1 from generated changesets, generate and apply v1 to v2,
 * require exactly v2 and an empty re-diff, require rows written at v1 to survive, then
 * downgrade one revision and require exactly v1 again.
 */
@PostgresTest
class EvolutionTests {

	static List<Evolution> evolutions() {
		return Evolutions.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("evolutions")
	void upgradesToV2AndDowngradesToV1ExactlyWithTheInverseOfEachChange(Evolution evolution) throws Exception {
		try (TestDatabase database = TestPostgres.createDatabase(); Workspace workspace = new Workspace(database)) {
			Schema scope = scope(evolution);
			workspace.generate(evolution.v1(), evolution.options(), "v1");
			workspace.runner().upgrade();
			Schema actualV1 = workspace.read(scope);
			assertThat(SchemaComparator.differences(evolution.v1(), actualV1)).as("v1").isEmpty();
			if (evolution.seed() != null) {
				database.execute(evolution.seed());
			}
			List<String> catalogV1 = CatalogComparisons.of(database);
			List<Change.ColumnRef> dropped = CatalogComparisons
				.droppedColumns(workspace.diff(evolution.v2(), evolution.options()).changes(), evolution.options());
			Path revision = workspace.generate(evolution.v2(), evolution.options(), "v2");
			assertThat(revision).as("a v2 revision").isNotNull();
			String yaml = Files.readString(revision);
			workspace.runner().upgrade();
			assertThat(SchemaComparator.differences(evolution.v2(), workspace.read(scope)))
				.as("v2 after applying:%n%s", yaml)
				.isEmpty();
			assertThat(workspace.diff(evolution.v2(), evolution.options()).changes()).as("re-diff").isEmpty();
			// Rollbacks are written from each change's inverse: the inverses must be what
			// the diff finds in the other direction, both sides named as the catalog has
			// them.
			Schema actualV2 = workspace.read(scope);
			if (ChangeInverses.reversible(evolution.v2(), evolution.options())) {
				assertThat(ChangeInverses.inverses(actualV1, actualV2, evolution.options())).as("inverses")
					.isNotEmpty()
					.containsExactlyInAnyOrderElementsOf(
							ChangeInverses.backwards(actualV1, actualV2, evolution.options()));
			}
			if (evolution.check() != null) {
				assertThat(queryAndRollBack(database, evolution.check())).as("rows written at v1")
					.isEqualTo(evolution.expected());
			}
			workspace.runner().downgrade(1);
			assertThat(SchemaComparator.differences(evolution.v1(), workspace.read(scope)))
				.as("v1 after downgrading:%n%s", yaml)
				.isEmpty();
			// Columns added back go last: PostgreSQL cannot put them where they were.
			assertThat(CatalogComparisons.withoutColumnOrderOf(CatalogComparisons.of(database), dropped))
				.as("v1's catalog after downgrading:%n%s", yaml)
				.containsExactlyElementsOf(CatalogComparisons.withoutColumnOrderOf(catalogV1, dropped));
		}
	}

	@Test
	void everyEvolutionWritesRowsAtV1AndChecksThemAtV2() {
		assertThat(Evolutions.all())
			.allSatisfy((evolution) -> assertThat(evolution.check()).as(evolution.name()).isNotNull().isNotBlank());
		assertThat(Evolutions.all()).extracting(Evolution::name).containsAll(EvolutionRows.ROWS.keySet());
	}

	/**
	 * Run a check that may insert a row at v2 in a transaction that is rolled back, so
	 * that the downgrade finds only the rows of v1.
	 */
	private static String queryAndRollBack(TestDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
				assertThat(rows.next()).as("a row from %s", sql).isTrue();
				return rows.getString(1);
			}
			finally {
				connection.rollback();
			}
		}
	}

	/** Both versions' schemas, so that reading covers whatever either has. */
	private static Schema scope(Evolution evolution) {
		java.util.TreeSet<String> schemas = new java.util.TreeSet<>(evolution.v1().schemas());
		schemas.addAll(evolution.v2().schemas());
		return new Schema(schemas, List.of(), List.of(), List.of());
	}

}
