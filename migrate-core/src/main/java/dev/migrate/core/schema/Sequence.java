package dev.migrate.core.schema;

/**
 * A sequence that is not owned by an identity column.
 *
 * @param name the sequence name
 * @param start the first value
 * @param increment the increment
 */
public record Sequence(QualifiedName name, long start, long increment) {

}
