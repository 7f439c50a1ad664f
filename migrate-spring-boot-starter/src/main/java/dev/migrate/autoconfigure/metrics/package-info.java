/**
 * Migrate's Micrometer meters.
 */
@NullMarked
package dev.migrate.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
