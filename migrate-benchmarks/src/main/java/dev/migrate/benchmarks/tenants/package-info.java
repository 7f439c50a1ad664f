/**
 * A harness for schema-per-tenant migrations: many schemas, nothing pending and one new
 * revision, against a loop of plain Liquibase updates.
 */
@NullMarked
package dev.migrate.benchmarks.tenants;

import org.jspecify.annotations.NullMarked;
