/**
 * Annotations that say what a Spring Data Relational mapping cannot: unique constraints,
 * indexes and column defaults, for the tables Migrate derives from it.
 */
@NullMarked
package dev.migrate.mapping;

import org.jspecify.annotations.NullMarked;
