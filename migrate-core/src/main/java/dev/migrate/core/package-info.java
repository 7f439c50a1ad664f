/**
 * Migrate's engine: reads the desired schema from JPA entities and the actual schema from
 * the database, compares them, and writes and runs Liquibase changesets. No Spring here.
 */
@NullMarked
package dev.migrate.core;

import org.jspecify.annotations.NullMarked;
