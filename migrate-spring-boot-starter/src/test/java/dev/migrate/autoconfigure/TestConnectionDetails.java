package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link MigrateConnectionDetails} a test application defines as a bean.
 *
 * @param getJdbcUrl the URL, or {@code null} for the application's database
 * @param getUsername the user, or {@code null}
 * @param getPassword the password, or {@code null}
 */
record TestConnectionDetails(@Nullable String getJdbcUrl, @Nullable String getUsername,
		@Nullable String getPassword) implements MigrateConnectionDetails {

}
