package dev.migrate.core.runner;

import java.time.Duration;

/**
 * How the runner runs.
 *
 * @param lockTimeout how long to wait for another instance's migration to finish
 * @param allowDestructive whether destructive changesets may run
 * @param lockKey the PostgreSQL advisory lock key that migrations of a database share
 * @param statementLockTimeout how long each statement of a changeset waits for the table
 * locks it needs ({@code lock_timeout}) before it gives up, so that readers queued behind
 * it wait at most that long; the changeset is then rolled back and retried
 * @param statementTimeout how long each statement but an index build may run
 * ({@code statement_timeout}); zero for no limit
 * @param retryFor how long a changeset whose statement gave up waiting for a lock is
 * retried, with backoff, before the migration fails naming the sessions that held the
 * lock
 */
public record RunnerOptions(Duration lockTimeout, boolean allowDestructive, long lockKey, Duration statementLockTimeout,
		Duration statementTimeout, Duration retryFor) {

	/** The default advisory lock key ("migrate" in ASCII, as a number). */
	public static final long DEFAULT_LOCK_KEY = 0x6d696772617465L;

	/**
	 * Return the defaults: wait up to a minute for another instance, never run
	 * destructive changesets, wait 5 s for a table lock and retry for a minute, let a
	 * statement run for at most 10 minutes.
	 * @return the options
	 */
	public static RunnerOptions defaults() {
		return new RunnerOptions(Duration.ofMinutes(1), false, DEFAULT_LOCK_KEY, Duration.ofSeconds(5),
				Duration.ofMinutes(10), Duration.ofMinutes(1));
	}

	/**
	 * Return the advisory lock key of one schema's migrations: a 64-bit digest of the
	 * schema's name, so that migrations of different schemas of a database never wait for
	 * each other, and those of one schema always do.
	 * @param schema the schema
	 * @return the lock key
	 */
	public static long lockKey(String schema) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(("migrate:" + schema).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.nio.ByteBuffer.wrap(digest).getLong();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public RunnerOptions withLockKey(long key) {
		return new RunnerOptions(this.lockTimeout, this.allowDestructive, key, this.statementLockTimeout,
				this.statementTimeout, this.retryFor);
	}

	public RunnerOptions withLockTimeout(Duration timeout) {
		return new RunnerOptions(timeout, this.allowDestructive, this.lockKey, this.statementLockTimeout,
				this.statementTimeout, this.retryFor);
	}

	public RunnerOptions withAllowDestructive(boolean allow) {
		return new RunnerOptions(this.lockTimeout, allow, this.lockKey, this.statementLockTimeout,
				this.statementTimeout, this.retryFor);
	}

	public RunnerOptions withStatementLockTimeout(Duration timeout) {
		return new RunnerOptions(this.lockTimeout, this.allowDestructive, this.lockKey, timeout, this.statementTimeout,
				this.retryFor);
	}

	public RunnerOptions withStatementTimeout(Duration timeout) {
		return new RunnerOptions(this.lockTimeout, this.allowDestructive, this.lockKey, this.statementLockTimeout,
				timeout, this.retryFor);
	}

	public RunnerOptions withRetryFor(Duration retryFor) {
		return new RunnerOptions(this.lockTimeout, this.allowDestructive, this.lockKey, this.statementLockTimeout,
				this.statementTimeout, retryFor);
	}

}
