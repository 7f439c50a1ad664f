package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The database Migrate migrates, as the endpoint reports it: never a password.
 *
 * @param product the product name
 * @param version the product version
 * @param url the JDBC URL without credentials
 * @param user the login user
 */
public record MigrateDatabase(@Nullable String product, @Nullable String version, @Nullable String url,
		@Nullable String user) {

}
