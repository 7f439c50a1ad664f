package dev.migrate.core.runner;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which revisions are applied, which are pending, and which pending changesets an upgrade
 * holds back.
 *
 * @param schema the schema that records the applied changesets
 * @param applied revisions whose changesets are all applied
 * @param pending revisions with changesets not yet applied
 * @param applicable the pending revisions an upgrade would apply, at least in part
 * @param blocked pending changesets an upgrade holds back (unless destructive changes are
 * allowed): the destructive ones and those after them that touch what they touch
 */
public record MigrationStatus(String schema, List<Revision> applied, List<Revision> pending, List<Revision> applicable,
		List<ChangeSetRef> blocked) {

	public MigrationStatus {
		applied = List.copyOf(applied);
		pending = List.copyOf(pending);
		applicable = List.copyOf(applicable);
		blocked = List.copyOf(blocked);
	}

	/**
	 * Return whether anything is pending, held back or not.
	 * @return whether there are pending revisions
	 */
	public boolean hasPending() {
		return !this.pending.isEmpty();
	}

	/**
	 * Return the pending revisions an upgrade would not touch: those whose pending
	 * changesets are all held back.
	 * @return the held-back revisions
	 */
	public List<Revision> heldBack() {
		return this.pending.stream().filter((revision) -> !this.applicable.contains(revision)).toList();
	}

	/**
	 * Return the newest applied revision, the database's "current" revision.
	 * @return its name, or {@code null} if none is applied
	 */
	public @Nullable String current() {
		return this.applied.isEmpty() ? null : this.applied.get(this.applied.size() - 1).name();
	}

}
