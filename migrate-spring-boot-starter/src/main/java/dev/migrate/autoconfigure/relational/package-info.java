/**
 * Spring Boot's side of Spring Data Relational (R2DBC, JDBC) {@code @Table} mappings:
 * finding the classes and handing their tables to the auto-configuration; the reader is
 * {@code dev.migrate.relational} (migrate-spring-data-relational).
 */
@NullMarked
package dev.migrate.autoconfigure.relational;

import org.jspecify.annotations.NullMarked;
