package dev.migrate.benchmarks.startup;

import java.io.PrintStream;
import java.util.ArrayList;
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
		return median(times(tool));
	}

	private List<Long> times(Tool tool) {
		return this.runs.get(tool).stream().map(StartedApplication.Run::readyMillis).toList();
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	long min(Tool tool) {
		return this.runs.get(tool).stream().mapToLong(StartedApplication.Run::readyMillis).min().orElse(0);
	}

	/**
	 * What the tool adds: the median of its per-round differences from the start with no
	 * tool (the three starts of a round ran one after the other, so the machine's load
	 * changes them alike).
	 */
	long added(Tool tool) {
		List<Long> tools = times(tool);
		List<Long> none = times(Tool.NONE);
		List<Long> differences = new ArrayList<>();
		for (int round = 0; round < Math.min(tools.size(), none.size()); round++) {
			differences.add(tools.get(round) - none.get(round));
		}
		return median(differences);
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
		out.printf(Locale.ROOT, "%-26s %8s %8s %8s %14s %14s%n", "", "median", "min", "max", "added",
				"added to fastest");
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
				"Migrate adds %d ms (median of per-round differences) / %d ms (to the fastest start) (target <= 150),"
						+ " %.1f%% / %.1f%% of what Spring Boot's Liquibase adds (target <= 10%%); it skipped"
						+ " Liquibase in %d of %d starts%n",
				added(Tool.MIGRATE), addedToFastest(Tool.MIGRATE), percent(added(Tool.MIGRATE), added(Tool.LIQUIBASE)),
				percent(addedToFastest(Tool.MIGRATE), addedToFastest(Tool.LIQUIBASE)), skipped,
				this.runs.get(Tool.MIGRATE).size());
	}

}
