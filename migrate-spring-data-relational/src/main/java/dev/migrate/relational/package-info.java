/**
 * The desired schema of Spring Data Relational (R2DBC, JDBC) {@code @Table} mappings.
 */
@NullMarked
package dev.migrate.autoconfigure.relational;

import org.jspecify.annotations.NullMarked;
