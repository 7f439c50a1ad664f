/**
 * PostgreSQL: catalog introspection and the canonical forms of its types and expressions.
 */
@NullMarked
package dev.migrate.core.dialect.postgresql;

import org.jspecify.annotations.NullMarked;
