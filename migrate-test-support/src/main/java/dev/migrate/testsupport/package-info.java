/**
 * A real PostgreSQL for integration tests: an embedded server of a chosen major version,
 * or an existing server named by an environment variable, with a fresh database for each
 * test class.
 */
@NullMarked
package dev.migrate.testsupport;

import org.jspecify.annotations.NullMarked;
