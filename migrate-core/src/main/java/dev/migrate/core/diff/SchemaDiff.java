package dev.migrate.core.diff;

import java.util.List;

import dev.migrate.core.schema.QualifiedName;

/**
 * The ordered changes that take the actual schema to the desired one, the drop/add pairs
 * that may be renames, and what only the database has and the diff leaves alone.
 *
 * @param changes the changes, in the order they must run
 * @param possibleRenames drop/add pairs that look like renames
 * @param unmapped the drops the diff left out: indexes, unique keys, checks and foreign
 * keys of mapped tables that no entity declares and no generated revision created (e.g.
 * written by hand before Migrate adopted the database), kept unless
 * {@link DiffOptions#dropUnmapped()} lets the diff drop them
 */
public record SchemaDiff(List<Change> changes, List<PossibleRename> possibleRenames, List<Change> unmapped) {

	public SchemaDiff {
		changes = List.copyOf(changes);
		possibleRenames = List.copyOf(possibleRenames);
		unmapped = List.copyOf(unmapped);
	}

	public SchemaDiff(List<Change> changes, List<PossibleRename> possibleRenames) {
		this(changes, possibleRenames, List.of());
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
				this.possibleRenames, this.unmapped);
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
