/**
 * The desired schema: read from JPA entities through Hibernate's boot metadata, without a
 * database connection.
 */
@NullMarked
package dev.migrate.core.entity;

import org.jspecify.annotations.NullMarked;
