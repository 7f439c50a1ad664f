/**
 * The entities of the orders database (the default Migrate instance).
 */
@NullMarked
package dev.migrate.shop.orders;

import org.jspecify.annotations.NullMarked;
