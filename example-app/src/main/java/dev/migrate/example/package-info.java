/**
 * An example application that uses Migrate.
 */
@NullMarked
package dev.migrate.example;

import org.jspecify.annotations.NullMarked;
