package dev.migrate.core.schema;

import org.jspecify.annotations.Nullable;

/**
 * A check constraint. It is identified by its expression in canonical form; the name is
 * informational.
 *
 * @param name the constraint name, or {@code null} if the database chooses it
 * @param expression the condition in canonical form, without the surrounding
 * {@code CHECK ( )}
 */
public record CheckConstraint(@Nullable String name, String expression) {

}
