package dev.migrate.core.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.testsupport.PostgresTest;
import dev.migrate.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog queries as PostgreSQL plans them on a large schema. A plan costed above
 * {@code jit_above_cost} is JIT-compiled on servers built with LLVM (Debian's, the
 * official images), which costs hundreds of milliseconds per query; the embedded binaries
 * have no LLVM, so only the cost shows it.
 */
@PostgresTest
class CatalogPlanTests {

	private static final Pattern TOTAL_COST = Pattern.compile("\"Total Cost\": ([0-9.]+)");

	@Test
	void everyCatalogQueryIsCostedBelowTheJitThresholdOnAThousandTables(TestDatabase database) throws SQLException {
		database.execute(ddl(1000));
		database.execute("ANALYZE");
		try (Connection connection = database.connect()) {
			double jitAboveCost = Double.parseDouble(value(connection, "SELECT current_setting('jit_above_cost')"));
			queries().forEach((name, sql) -> assertThat(cost(connection, sql)).as(name).isLessThan(jitAboveCost));
		}
	}

	private static Map<String, String> queries() {
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("table comments", CatalogQueries.TABLE_COMMENTS);
		queries.put("columns", CatalogQueries.COLUMNS);
		queries.put("constraints", CatalogQueries.CONSTRAINTS);
		queries.put("indexes", CatalogQueries.INDEXES);
		queries.put("sequences", CatalogQueries.SEQUENCES);
		queries.put("enum types", CatalogQueries.ENUM_TYPES);
		queries.put("schemas", CatalogQueries.SCHEMAS);
		queries.put("catalog fingerprint", CatalogQueries.FINGERPRINT);
		return queries;
	}

	private static double cost(Connection connection, String sql) {
		try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
			statement.setArray(1, connection.createArrayOf("text", new String[] { "public" }));
			if (statement.getParameterMetaData().getParameterCount() > 1) {
				statement.setArray(2, connection.createArrayOf("text", new String[] { "databasechangelog" }));
			}
			try (ResultSet plan = statement.executeQuery()) {
				plan.next();
				Matcher total = TOTAL_COST.matcher(plan.getString(1));
				assertThat(total.find()).isTrue();
				return Double.parseDouble(total.group(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String value(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			result.next();
			return result.getString(1);
		}
	}

	/**
	 * Tables shaped like the benchmark's: a primary key, a foreign key, a unique key, a
	 * check, a default, a comment and two indexes, one on an expression.
	 */
	private static String ddl(int tables) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < tables; i++) {
			String table = "t" + i;
			sql.append("CREATE TABLE ").append(table).append(" (id bigint PRIMARY KEY, parent_id bigint");
			sql.append((i > 0) ? " REFERENCES t" + (i - 1) : "");
			sql.append(
					", code varchar(40) NOT NULL UNIQUE, name varchar(255), amount numeric(12,2) CHECK (amount >= 0),");
			sql.append(" quantity integer DEFAULT 0 NOT NULL, active boolean, created timestamptz, payload jsonb,");
			sql.append(" note text);");
			sql.append("CREATE INDEX ON ").append(table).append(" (name, created DESC);");
			sql.append("CREATE INDEX ON ").append(table).append(" (lower(code));");
			sql.append("COMMENT ON TABLE ").append(table).append(" IS 'table ").append(i).append("';");
		}
		return sql.toString();
	}

}
