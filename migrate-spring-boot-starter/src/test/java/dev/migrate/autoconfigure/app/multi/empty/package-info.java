/**
 * A package without entities, which no instance may name.
 */
package dev.migrate.autoconfigure.app.multi.empty;
