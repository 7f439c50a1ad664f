package dev.migrate.core.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A foreign key. It is identified by what it does (columns, target, actions); the name is
 * informational.
 *
 * @param name the constraint name, or {@code null} if the database chooses it
 * @param columns the referencing columns, in order
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, in the order matching {@code columns}
 * @param onDelete the action on delete of the referenced row
 * @param onUpdate the action on update of the referenced key
 */
public record ForeignKey(@Nullable String name, List<String> columns, QualifiedName referencedTable,
		List<String> referencedColumns, Action onDelete, Action onUpdate) {

	public ForeignKey {
		columns = List.copyOf(columns);
		referencedColumns = List.copyOf(referencedColumns);
	}

	/**
	 * Return what identifies this foreign key.
	 * @return the identity
	 */
	public Object identity() {
		return List.of(this.columns, this.referencedTable, this.referencedColumns, this.onDelete, this.onUpdate);
	}

	/**
	 * A referential action.
	 */
	public enum Action {

		NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT

	}

}
