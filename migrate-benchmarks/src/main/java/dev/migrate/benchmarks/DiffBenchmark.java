package dev.migrate.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.SchemaDiff;
import dev.migrate.core.diff.SchemaDiffer;
import dev.migrate.core.schema.Schema;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diffs two schemas of generated tables in memory: the second changes every tenth table
 * (a new column, a wider type, a dropped index, a new check).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiffBenchmark {

	@Param("1000")
	int tables;

	private Schema actual;

	private Schema desired;

	// The generated tables stand for ones Migrate created: what the changed model no
	// longer declares is dropped, as it would be then.
	private final SchemaDiffer differ = new SchemaDiffer(DiffOptions.defaults().withDropUnmapped("*"),
			Dialects.postgresql());

	@Setup(Level.Trial)
	public void createSchemas() {
		this.actual = LargeSchema.model(this.tables, false);
		this.desired = LargeSchema.model(this.tables, true);
	}

	@Benchmark
	public SchemaDiff diff() {
		return this.differ.diff(this.actual, this.desired);
	}

}
