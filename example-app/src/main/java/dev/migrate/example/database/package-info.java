/**
 * A development-only embedded PostgreSQL for running the example without a database
 * server.
 */
@NullMarked
package dev.migrate.example.database;

import org.jspecify.annotations.NullMarked;
