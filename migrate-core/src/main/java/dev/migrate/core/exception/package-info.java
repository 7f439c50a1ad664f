/**
 * The exceptions Migrate throws on purpose, for callers to catch:
 * {@link MigrateException} is the base of all of them. This package depends on no other
 * package of Migrate.
 */
@NullMarked
package dev.migrate.core.exception;

import org.jspecify.annotations.NullMarked;
