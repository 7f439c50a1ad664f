package dev.migrate.benchmarks.startup;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link StartupBenchmark} measured: the time to ready of each start, by tool, and
 * what the README reports from them (medians, the time each tool adds over no tool, and
 * Migrate's share of what Spring Boot's Liquibase integration adds).
 *
 * @param server the PostgreSQL server
 * @param revisions the revisions in the changelog
 * @param applied the rows of {@code DATABASECHANGELOG} after the last start
 * @param runs the measured starts, by tool
 */
record StartupReport(String server, int revisions, int applied, Map<Tool, List<StartedApplication.Run>> runs) {

	private static double percent(long part, long whole) {
		return 100.0 * part / Math.max(1, whole);
	}

	long median(Tool tool) {
		List<Long> times = this.runs.get(tool).stream().map(StartedApplication.Run::readyMillis).sorted().toList();
		int middle = times.size() / 2;
		return (times.size() % 2 == 1) ? times.get(middle) : (times.get(middle - 1) + times.get(middle)) / 2;
	}

	long min(Tool tool) {
		return this.runs.get(tool).stream().mapToLong(StartedApplication.Run::readyMillis).min().orElse(0);
	}

	long added(Tool tool) {
		return median(tool) - median(Tool.NONE);
	}

	/**
	 * What the tool adds to the fastest start: the least disturbed by anything else the
	 * machine does.
	 */
	long addedToFastest(Tool tool) {
		return min(tool) - min(Tool.NONE);
	}

	void print(PrintStream out) {
		out.println();
		out.println("Startup with nothing pending, " + this.revisions + " applied revisions, "
				+ this.runs.get(Tool.NONE).size() + " rounds, on " + this.server);
		out.printf(Locale.ROOT, "%-26s %8s %8s %8s %14s %14s%n", "", "median", "min", "max", "added (median)",
				"added (min)");
		for (Tool tool : Tool.values()) {
			long max = this.runs.get(tool).stream().mapToLong(StartedApplication.Run::readyMillis).max().orElse(0);
			out.printf(Locale.ROOT, "%-26s %6d ms %5d ms %5d ms %+11d ms %+11d ms%n", tool.label(), median(tool),
					min(tool), max, added(tool), addedToFastest(tool));
		}
		long skipped = this.runs.get(Tool.MIGRATE)
			.stream()
			.filter(StartedApplication.Run::migrateSkippedLiquibase)
			.count();
		out.printf(Locale.ROOT,
				"Migrate adds %d ms (median) / %d ms (min) (target <= 150), %.1f%% / %.1f%% of what Spring Boot's"
						+ " Liquibase adds (target <= 10%%); it skipped Liquibase in %d of %d starts%n",
				added(Tool.MIGRATE), addedToFastest(Tool.MIGRATE), percent(added(Tool.MIGRATE), added(Tool.LIQUIBASE)),
				percent(addedToFastest(Tool.MIGRATE), addedToFastest(Tool.LIQUIBASE)), skipped,
				this.runs.get(Tool.MIGRATE).size());
	}

}
