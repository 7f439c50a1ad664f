/**
 * The seam between Migrate and a database product: reading its catalog and the canonical
 * forms of its types and expressions. PostgreSQL lives in a subpackage; another database
 * would sit beside it.
 */
@NullMarked
package dev.migrate.core.dialect;

import org.jspecify.annotations.NullMarked;
