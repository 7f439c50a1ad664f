package dev.migrate.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.Schema;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads the whole schema of a database of generated tables from PostgreSQL's catalogs,
 * over one open connection (warm: the JVM and PostgreSQL's catalog caches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntrospectionBenchmark {

	@Param("1000")
	int tables;

	private TestDatabase database;

	private Connection connection;

	private final Dialect dialect = Dialects.postgresql();

	@Setup(Level.Trial)
	public void createSchema() throws SQLException {
		this.database = TestPostgres.createDatabase();
		this.database.execute(LargeSchema.ddl(this.tables));
		this.database.execute("ANALYZE");
		this.connection = this.database.connect();
	}

	@Benchmark
	public Schema introspect() throws SQLException {
		return this.dialect.readSchema(this.connection, List.of("public"), List.of());
	}

	@TearDown(Level.Trial)
	public void dropSchema() throws SQLException {
		this.connection.close();
		this.database.close();
	}

}
