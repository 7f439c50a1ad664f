package dev.migrate.core.diff;

import java.util.List;

/**
 * The ordered changes that take the actual schema to the desired one, and the drop/add
 * pairs that may be renames.
 *
 * @param changes the changes, in the order they must run
 * @param possibleRenames drop/add pairs that look like renames
 */
public record SchemaDiff(List<Change> changes, List<PossibleRename> possibleRenames) {

	public SchemaDiff {
		changes = List.copyOf(changes);
		possibleRenames = List.copyOf(possibleRenames);
	}

	/**
	 * Return whether the schemas are already equivalent.
	 * @return whether there is nothing to change
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/**
	 * Return the changes of the given safety class.
	 * @param safety the safety class
	 * @return those changes, in order
	 */
	public List<Change> changes(Safety safety) {
		return this.changes.stream().filter((change) -> change.classification().safety() == safety).toList();
	}

}
