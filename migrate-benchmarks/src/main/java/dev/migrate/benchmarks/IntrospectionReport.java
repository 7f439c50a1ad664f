package dev.migrate.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Locale;

import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestPostgres;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link IntrospectionBenchmark} and prints what the README reports: the server it
 * ran on, the three times, and their ratios (Migrate's reader against the catalog floor,
 * Liquibase's snapshot against Migrate's reader). JMH's command-line options (e.g.
 * {@code -i 5 -wi 3}) are passed on.
 */
public final class IntrospectionReport {

	private IntrospectionReport() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException, SQLException {
		Collection<RunResult> results = new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(IntrospectionBenchmark.class.getName() + "\\.")
			.build()).run();
		double migrate = score(results, "migrate");
		double floor = score(results, "catalogFloor");
		double snapshot = score(results, "liquibaseSnapshot");
		System.out.println();
		System.out.println("Server: " + describeServer());
		System.out.printf(Locale.ROOT, "Migrate's reader %.1f ms, catalog floor %.1f ms, Liquibase snapshot %.0f ms%n",
				migrate, floor, snapshot);
		System.out.printf(Locale.ROOT,
				"Migrate / floor = %.2f (target <= 2), snapshot / Migrate = %.0f (target >= 40)%n", migrate / floor,
				snapshot / migrate);
	}

	private static String describeServer() throws SQLException {
		try (TestDatabase database = TestPostgres.createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version(), current_setting('jit')")) {
			result.next();
			return result.getString(1) + ", jit=" + result.getString(2);
		}
	}

	private static double score(Collection<RunResult> results, String method) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + method))
			.findFirst()
			.map((result) -> result.getPrimaryResult().getScore())
			.orElse(Double.NaN);
	}

}
