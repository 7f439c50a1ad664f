package dev.migrate.autoconfigure;

import java.time.Duration;

/**
 * How Migrate waits for locks and bounds its statements ({@code migrate.lock.*}).
 */
public class MigrateLockProperties {

	/**
	 * How long to wait for another instance's migration of the same database.
	 */
	private Duration timeout = Duration.ofMinutes(1);

	/**
	 * How long each statement of a changeset waits for the table locks it needs
	 * (PostgreSQL's lock_timeout) before it gives up and the changeset is retried, so
	 * that queries arriving meanwhile wait at most that long behind it. A changeset whose
	 * own SQL sets lock_timeout or statement_timeout keeps its own. Set for each
	 * transaction only (SET LOCAL), so that nothing stays on a pooler's server
	 * connection; concurrent index builds and drops, which cannot run in a transaction,
	 * run under the session's own timeouts.
	 */
	private Duration tableTimeout = Duration.ofSeconds(5);

	/**
	 * How long each statement of a changeset, but an index build, may run (PostgreSQL's
	 * statement_timeout); 0 for no limit.
	 */
	private Duration statementTimeout = Duration.ofMinutes(10);

	/**
	 * How long a changeset whose statement gave up waiting for a lock is retried, with
	 * backoff, before the migration fails naming the sessions holding the lock.
	 */
	private Duration retryFor = Duration.ofMinutes(1);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getTableTimeout() {
		return this.tableTimeout;
	}

	public void setTableTimeout(Duration tableTimeout) {
		this.tableTimeout = tableTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public Duration getRetryFor() {
		return this.retryFor;
	}

	public void setRetryFor(Duration retryFor) {
		this.retryFor = retryFor;
	}

}
