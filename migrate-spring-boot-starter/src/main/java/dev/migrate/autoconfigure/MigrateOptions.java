package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.diff.DiffOptions;
import dev.migrate.core.diff.RenameRules;
import dev.migrate.core.runner.RunnerOptions;

/**
 * The core options Migrate runs with, as {@link MigrateCustomizer}s see and replace them.
 */
public final class MigrateOptions {

	private DiffOptions diff;

	private RunnerOptions runner;

	MigrateOptions(DiffOptions diff, RunnerOptions runner) {
		this.diff = diff;
		this.runner = runner;
	}

	/**
	 * Return the options the properties give, then the customizers, in order.
	 */
	static MigrateOptions of(MigrateProperties properties, List<MigrateCustomizer> customizers) {
		MigrateDiffProperties diffProperties = properties.getDiff();
		MigrateLockProperties lock = properties.getLock();
		DiffOptions diff = DiffOptions.defaults()
			.withIncludeTables(diffProperties.getIncludeTables().toArray(String[]::new))
			.withExcludeTables(diffProperties.getExcludeTables().toArray(String[]::new))
			.withDropUnmapped(diffProperties.getDropUnmapped().toArray(String[]::new))
			.withOnline(diffProperties.isOnline())
			.withRenameRules(new RenameRules(diffProperties.getRenames(), diffProperties.getNotRenames()))
			.withBackfills(diffProperties.getBackfills());
		RunnerOptions runner = RunnerOptions.defaults()
			.withLockTimeout(lock.getTimeout())
			.withStatementLockTimeout(lock.getTableTimeout())
			.withStatementTimeout(lock.getStatementTimeout())
			.withRetryFor(lock.getRetryFor())
			.withAllowDestructive(diffProperties.isAllowDestructive());
		MigrateOptions options = new MigrateOptions(diff, runner);
		customizers.forEach((customizer) -> customizer.customize(options));
		return options;
	}

	/**
	 * Return how the entities are compared with the database.
	 * @return the diff options
	 */
	public DiffOptions diff() {
		return this.diff;
	}

	/**
	 * Replace how the entities are compared with the database.
	 * @param diff the diff options
	 */
	public void diff(DiffOptions diff) {
		this.diff = diff;
	}

	/**
	 * Return how revisions are applied.
	 * @return the runner options
	 */
	public RunnerOptions runner() {
		return this.runner;
	}

	/**
	 * Replace how revisions are applied.
	 * @param runner the runner options
	 */
	public void runner(RunnerOptions runner) {
		this.runner = runner;
	}

}
