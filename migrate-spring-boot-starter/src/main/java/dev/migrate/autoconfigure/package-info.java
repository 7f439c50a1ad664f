/**
 * Spring Boot auto-configuration for Migrate.
 */
@NullMarked
package dev.migrate.autoconfigure;

import org.jspecify.annotations.NullMarked;
