package dev.migrate.autoconfigure;

import dev.migrate.core.Migrate;

/**
 * One of the databases named under {@code migrate.instances}: its own context,
 * {@link Migrate}, status and startup run.
 *
 * @param name the instance's name (the key under {@code migrate.instances})
 * @param dataSourceName the name of its {@code DataSource} bean
 * @param context what Migrate works on in this instance
 * @param migrate Migrate over its database and changelog
 * @param monitor its status, kept up to date in the background
 * @param initializer its startup run
 */
public record MigrateInstance(String name, String dataSourceName, MigrateContext context, Migrate migrate,
		MigrateStatusMonitor monitor, MigrateInitializer initializer) {

}
