/**
 * Schema-per-tenant migrations: one changelog applied to many schemas of a database, each
 * with its own history and advisory lock, in parallel.
 */
@NullMarked
package dev.migrate.core.tenant;

import org.jspecify.annotations.NullMarked;
