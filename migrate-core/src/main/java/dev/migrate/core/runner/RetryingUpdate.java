package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migrate.core.dialect.Locking;
import dev.migrate.core.exception.MigrateException;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;

/**
 * Runs Liquibase's update with {@link StatementTimeouts}: a changeset whose statement
 * gave up waiting for a lock has been rolled back by Liquibase, and is run again after a
 * pause that doubles up to 5 s, until {@link RunnerOptions#retryFor()} has passed. Each
 * wait is logged with the sessions holding the tables, and so is the final failure.
 */
final class RetryingUpdate {

	private static final System.Logger logger = System.getLogger(MigrationRunner.class.getName());

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final Liquibase liquibase;

	private final Connection connection;

	private final Locking locking;

	private final RunnerOptions options;

	RetryingUpdate(Liquibase liquibase, Connection connection, Locking locking, RunnerOptions options) {
		this.liquibase = liquibase;
		this.connection = connection;
		this.locking = locking;
		this.options = options;
	}

	/**
	 * Apply the changesets with short lock timeouts, retrying a changeset that timed out
	 * on a lock (rolled back by then) with backoff until {@code retryFor} has passed.
	 */
	void apply(Changelog changelog, List<ChangeSetRef> toApply) throws Exception {
		StatementTimeouts timeouts = new StatementTimeouts(this.connection, this.locking,
				this.options.statementLockTimeout(), this.options.statementTimeout(), false);
		this.liquibase.setChangeExecListener(timeouts);
		Set<String> wanted = new HashSet<>();
		toApply.forEach((changeSet) -> wanted.add(changeSet.key()));
		long deadline = System.nanoTime() + this.options.retryFor().toNanos();
		Duration backoff = Duration.ofMillis(250);
		int remaining = toApply.size();
		for (int attempt = 1;; attempt++) {
			try {
				this.liquibase.update(remaining, new Contexts(), new LabelExpression());
				return;
			}
			catch (LiquibaseException ex) {
				if (!isLockTimeout(ex)) {
					throw ex;
				}
				Set<String> tables = timeouts.tables();
				List<String> holders = this.locking.lockHolders(this.connection, tables);
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
				}
				long left = deadline - System.nanoTime();
				String waited = "Migrate waited " + this.options.statementLockTimeout().toMillis()
						+ " ms for a lock on " + (tables.isEmpty() ? "a table" : tables) + " (attempt " + attempt + ")"
						+ (holders.isEmpty() ? "" : ", held by " + holders);
				if (left <= 0) {
					throw new MigrateException(waited + "; gave up after retrying for " + this.options.retryFor()
							+ " (migrate.lock.retry-for); the changeset was rolled back. End or cancel the"
							+ " blocking session (" + this.locking.endBlockingSession() + "), then start again.", ex);
				}
				Duration pause = Duration.ofNanos(Math.min(backoff.toNanos(), left));
				logger.log(System.Logger.Level.WARNING,
						waited + "; the changeset was rolled back, retrying in " + pause.toMillis() + " ms");
				Thread.sleep(pause.toMillis());
				// Changesets before the one that timed out stay applied.
				remaining = (int) changelog.reread(this.connection)
					.pending()
					.stream()
					.filter((changeSet) -> wanted.contains(changeSet.key()))
					.count();
				if (remaining == 0) {
					return;
				}
				backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private boolean isLockTimeout(Throwable ex) {
		SQLException sql = MigrationFailures.find(ex, SQLException.class);
		return sql != null && this.locking.isLockTimeout(sql);
	}

}
