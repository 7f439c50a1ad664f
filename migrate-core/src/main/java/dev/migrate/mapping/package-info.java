/**
 * Annotations an application puts on its entities to tell Migrate what the mapping alone
 * cannot say.
 */
@NullMarked
package dev.migrate.mapping;

import org.jspecify.annotations.NullMarked;
