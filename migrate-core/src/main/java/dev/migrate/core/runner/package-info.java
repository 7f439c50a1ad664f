/**
 * Runs revisions with Liquibase under a PostgreSQL advisory lock: upgrade, downgrade,
 * status, history, stamp and offline SQL.
 */
@NullMarked
package dev.migrate.core.runner;

import org.jspecify.annotations.NullMarked;
