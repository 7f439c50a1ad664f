/**
 * An application with two databases, each migrated by its own Migrate instance.
 */
@NullMarked
package dev.migrate.shop;

import org.jspecify.annotations.NullMarked;
