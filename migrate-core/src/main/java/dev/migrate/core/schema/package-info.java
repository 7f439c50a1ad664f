/**
 * The schema model that both readers produce and the diff compares: immutable records in
 * one canonical form, so that equal schemas are equal whichever side they were read from.
 */
@NullMarked
package dev.migrate.core.schema;

import org.jspecify.annotations.NullMarked;
