/**
 * PostgreSQL: catalog introspection, the canonical forms of its types and expressions,
 * the SQL of each change and the online recipes, advisory locks and timeouts, privileges
 * and identifier rules. Only {@link dev.migrate.core.dialect.Dialects} refers to it.
 */
@NullMarked
package dev.migrate.core.dialect.postgresql;

import org.jspecify.annotations.NullMarked;
