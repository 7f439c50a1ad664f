/**
 * Migrate's health indicator.
 */
@NullMarked
package dev.migrate.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
