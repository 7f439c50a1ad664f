package dev.migrate.core.runner;

import java.time.Duration;

/**
 * How the runner runs.
 *
 * @param lockTimeout how long to wait for another instance's migration to finish
 * @param allowDestructive whether destructive changesets may run
 * @param lockKey the PostgreSQL advisory lock key that migrations of a database share
 */
public record RunnerOptions(Duration lockTimeout, boolean allowDestructive, long lockKey) {

	/** The default advisory lock key ("migrate" in ASCII, as a number). */
	public static final long DEFAULT_LOCK_KEY = 0x6d696772617465L;

	/**
	 * Return the defaults: wait up to a minute, never run destructive changesets.
	 * @return the options
	 */
	public static RunnerOptions defaults() {
		return new RunnerOptions(Duration.ofMinutes(1), false, DEFAULT_LOCK_KEY);
	}

	public RunnerOptions withLockTimeout(Duration timeout) {
		return new RunnerOptions(timeout, this.allowDestructive, this.lockKey);
	}

	public RunnerOptions withAllowDestructive(boolean allow) {
		return new RunnerOptions(this.lockTimeout, allow, this.lockKey);
	}

}
