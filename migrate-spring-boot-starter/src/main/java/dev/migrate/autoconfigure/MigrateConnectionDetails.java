package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details of the connection Migrate migrates through, when it is not the application's
 * data source. By default they come from {@code migrate.url}, {@code migrate.user} and
 * {@code migrate.password}; an application (or a test, through a service connection) may
 * supply its own bean instead.
 */
public interface MigrateConnectionDetails extends ConnectionDetails {

	/**
	 * Return the JDBC URL of the database to migrate.
	 * @return the URL, or {@code null} to migrate the application's data source
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Return the login user; with no URL, it logs in to the application's database.
	 * @return the user, or {@code null} for the application's
	 */
	@Nullable String getUsername();

	/**
	 * Return the login password.
	 * @return the password, or {@code null} for none
	 */
	@Nullable String getPassword();

}
