package dev.migrate.core.runner;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which revisions are applied and which are pending.
 *
 * @param applied revisions whose changesets are all applied
 * @param pending revisions with changesets not yet applied
 * @param blocked pending destructive changesets that will not run unless allowed
 */
public record MigrationStatus(List<Revision> applied, List<Revision> pending, List<ChangeSetRef> blocked) {

	/**
	 * Return whether anything is pending.
	 * @return whether there are pending revisions
	 */
	public boolean hasPending() {
		return !this.pending.isEmpty();
	}

	/**
	 * Return the newest applied revision, the database's "current" revision.
	 * @return its name, or {@code null} if none is applied
	 */
	public @Nullable String current() {
		return this.applied.isEmpty() ? null : this.applied.get(this.applied.size() - 1).name();
	}

}
