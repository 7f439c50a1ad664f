package dev.migrate.autoconfigure;

import dev.migrate.core.Migrate;

/**
 * What Migrate does with the database when the application starts, in place of what
 * {@code migrate.mode} says, as Spring Boot's {@code FlywayMigrationStrategy} does for
 * Flyway. Define a bean of this type to, for example, only apply revisions, check first,
 * or call other code around the migration. It runs before JPA starts; it does not run
 * with {@code migrate.mode=none} or in command mode.
 */
@FunctionalInterface
public interface MigrateStartupStrategy {

	/**
	 * Bring the database up to date, or check it.
	 * @param migrate Migrate over the application's database and changelog
	 */
	void migrate(Migrate migrate);

}
