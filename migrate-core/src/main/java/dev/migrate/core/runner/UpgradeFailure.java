package dev.migrate.core.runner;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A failure while changesets were being applied, with those of them that were applied
 * before it (each changeset is applied and recorded on its own, so they stay applied).
 * {@link MigrationFailures} turns it into a {@link MigrateException} that says so.
 */
final class UpgradeFailure extends RuntimeException {

	private final @Nullable List<ChangeSetRef> applied;

	UpgradeFailure(Exception cause, @Nullable List<ChangeSetRef> applied) {
		super(cause.getMessage(), cause);
		this.applied = applied;
	}

	/**
	 * Return which of the changesets to apply are recorded as applied, or {@code null} if
	 * that cannot be told.
	 */
	static @Nullable List<ChangeSetRef> appliedBefore(Connection connection, Changelog changelog,
			List<ChangeSetRef> toApply) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			Set<String> pending = changelog.reread(connection)
				.pending()
				.stream()
				.map(ChangeSetRef::key)
				.collect(Collectors.toSet());
			return toApply.stream().filter((changeSet) -> !pending.contains(changeSet.key())).toList();
		}
		catch (Exception ex) {
			return null;
		}
	}

	/**
	 * Return what a user is told about the changesets applied before the failure.
	 */
	String applied() {
		if (this.applied == null) {
			return "Which changesets were applied before the failure cannot be told: run status to see.";
		}
		if (this.applied.isEmpty()) {
			return "No changeset was applied before the failure.";
		}
		return "Applied before the failure, and kept (" + this.applied.size() + "): " + this.applied
				+ "; the next upgrade starts after them.";
	}

}
