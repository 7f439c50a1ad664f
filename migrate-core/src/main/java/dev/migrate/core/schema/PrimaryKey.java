package dev.migrate.core.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A primary key. It is identified by its columns; the name is informational.
 *
 * @param name the constraint name, or {@code null} if the database chooses it
 * @param columns the key's columns, in order
 */
public record PrimaryKey(@Nullable String name, List<String> columns) {

	public PrimaryKey {
		columns = List.copyOf(columns);
	}

}
