package dev.migrate.core.diff;

import java.util.List;

import dev.migrate.core.schema.QualifiedName;

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
	 * Return this diff without the drops and adds of its possible renames, nor the
	 * changes that need them (constraints and indexes on the added column or table,
	 * foreign keys to the added table), so that the rest can be written while the renames
	 * are asked about.
	 * @return the diff without the possible renames
	 */
	public SchemaDiff withoutPossibleRenames() {
		return new SchemaDiff(this.changes.stream().filter((change) -> !partOfPossibleRename(change)).toList(),
				this.possibleRenames);
	}

	private boolean partOfPossibleRename(Change change) {
		for (PossibleRename rename : this.possibleRenames) {
			if (rename.from() == null) {
				QualifiedName added = new QualifiedName(rename.table().schema(), rename.to());
				if (change instanceof TableChange table
						&& (table.table().equals(added) || (change instanceof ConstraintChange.AddForeignKey fk
								&& fk.foreignKey().referencedTable().equals(added)))) {
					return true;
				}
			}
			else if (change instanceof TableChange table && table.table().equals(rename.table())
					&& ChangedColumns.of(table)
						.stream()
						.anyMatch((column) -> column.equals(rename.from()) || column.equals(rename.to()))) {
				return true;
			}
		}
		return false;
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
