/**
 * The seam between Migrate and a database product: reading its catalog, the canonical
 * forms of its types and expressions, the SQL of each change, its locks, timeouts and
 * privileges, and its identifier rules. PostgreSQL lives in a subpackage; another
 * database would sit beside it, and only {@link dev.migrate.core.dialect.Dialects} knows
 * them.
 */
@NullMarked
package dev.migrate.core.dialect;

import org.jspecify.annotations.NullMarked;
