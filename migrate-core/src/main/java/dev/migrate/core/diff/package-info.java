/**
 * The diff: a pure function from the actual schema and the desired schema to an ordered
 * list of changes, each classified by how safe it is to apply.
 */
@NullMarked
package dev.migrate.core.diff;

import org.jspecify.annotations.NullMarked;
