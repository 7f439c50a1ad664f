/**
 * The desired schema: read from JPA entities through Hibernate's boot metadata, without a
 * database connection. No Spring.
 */
@NullMarked
package dev.migrate.hibernate;

import org.jspecify.annotations.NullMarked;
