/**
 * The desired schema of Spring Data Relational (R2DBC, JDBC) {@code @Table} mappings,
 * read from a mapping context without a database connection. No Spring Boot.
 */
@NullMarked
package dev.migrate.relational;

import org.jspecify.annotations.NullMarked;
