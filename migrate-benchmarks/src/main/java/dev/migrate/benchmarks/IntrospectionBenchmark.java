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
import liquibase.exception.LiquibaseException;
import liquibase.snapshot.DatabaseSnapshot;
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
 * over one open connection (warm: the JVM and PostgreSQL's catalog caches), three ways in
 * the same run on the same database: Migrate's catalog reader, the {@link CatalogFloor
 * raw set-based floor}, and {@link LiquibaseSnapshot Liquibase's snapshot}.
 * {@link IntrospectionReport} runs it and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// Liquibase's snapshot follows foreign keys recursively: on the chain of 1,000 foreign
// keys it overflows a default 1 MB stack.
@Fork(value = 1, jvmArgsAppend = "-Xss256m")
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
	public Schema migrate() throws SQLException {
		return this.dialect.readSchema(this.connection, List.of("public"), List.of());
	}

	@Benchmark
	public int[] catalogFloor() throws SQLException {
		return CatalogFloor.read(this.connection, List.of("public"));
	}

	/**
	 * Seconds per snapshot at 1,000 tables: each iteration runs one or two, and three of
	 * them warm the JIT up.
	 */
	@Benchmark
	@Warmup(iterations = 3, time = 1)
	@Measurement(iterations = 3, time = 1)
	public DatabaseSnapshot liquibaseSnapshot() throws LiquibaseException {
		return LiquibaseSnapshot.take(this.connection, "public");
	}

	@TearDown(Level.Trial)
	public void dropSchema() throws SQLException {
		this.connection.close();
		this.database.close();
	}

}
