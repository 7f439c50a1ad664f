/**
 * The entities of the customers database (the {@code customers} Migrate instance).
 */
@NullMarked
package dev.migrate.shop.customers;

import org.jspecify.annotations.NullMarked;
