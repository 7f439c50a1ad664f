package dev.migrate.core.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unique constraint. It is identified by its columns; the name is informational.
 *
 * @param name the constraint name, or {@code null} if the database chooses it
 * @param columns the constrained columns, in order
 */
public record UniqueConstraint(@Nullable String name, List<String> columns) {

	public UniqueConstraint {
		columns = List.copyOf(columns);
	}

	/**
	 * Return what identifies this constraint: its columns.
	 * @return the identity
	 */
	public Object identity() {
		return this.columns;
	}

}
