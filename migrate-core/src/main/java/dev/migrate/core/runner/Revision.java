package dev.migrate.core.runner;

import java.util.List;

/**
 * One revision: one changelog file, with one or more changesets. Counts in upgrade and
 * downgrade are counts of revisions, as in Alembic.
 *
 * @param file the (logical) file path
 * @param changeSets its changesets, in order
 */
public record Revision(String file, List<ChangeSetRef> changeSets) {

	public Revision {
		changeSets = List.copyOf(changeSets);
	}

	/**
	 * Return the revision's name: its file name, e.g.
	 * {@code 20261122101500_add_bio.yaml}.
	 * @return the name
	 */
	public String name() {
		return this.file.substring(this.file.lastIndexOf('/') + 1);
	}

	boolean matches(String revision) {
		return name().equals(revision) || name().startsWith(revision + "_") || name().startsWith(revision + ".")
				|| this.file.equals(revision);
	}

}
