package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import dev.migrate.core.exception.MigrateException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Chooses the data source Migrate migrates, in this order: one marked
 * {@link MigrateDataSource @MigrateDataSource}; the URL of the
 * {@link MigrateConnectionDetails} ({@code migrate.url}); the application's data source
 * (its only or primary one), logged in to as the connection details' user when they name
 * one without a URL; Spring Boot's {@link JdbcConnectionDetails} (a service connection)
 * when the application has no data source.
 */
final class MigrationDataSource {

	private MigrationDataSource() {
	}

	/**
	 * Return the data source to migrate.
	 * @param marked the data source marked {@code @MigrateDataSource}, if any
	 * @param application the application's data source if it has exactly one or a primary
	 * one
	 * @param applicationCount how many data sources the application has
	 * @param details Migrate's connection details
	 * @param jdbc Spring Boot's JDBC connection details, if any
	 * @return the data source
	 * @throws AmbiguousDataSourceException if the application has several data sources,
	 * none marked or primary, and no URL is configured
	 */
	static DataSource choose(@Nullable DataSource marked, @Nullable DataSource application, int applicationCount,
			MigrateConnectionDetails details, @Nullable JdbcConnectionDetails jdbc) {
		if (marked != null) {
			return marked;
		}
		String url = details.getJdbcUrl();
		if (url != null) {
			return build(url, details.getUsername(), details.getPassword());
		}
		if (application == null && applicationCount > 1) {
			throw new AmbiguousDataSourceException("Migrate cannot choose among the application's " + applicationCount
					+ " DataSource beans, none of which is @Primary: mark the one to migrate with @"
					+ MigrateDataSource.class.getName() + ", or set migrate.url (with migrate.user and"
					+ " migrate.password) to migrate another database");
		}
		if (details.getUsername() != null) {
			// migrate.user without migrate.url: the application's database, as another
			// user (e.g. one with DDL privileges).
			if (jdbc != null) {
				return build(jdbc.getJdbcUrl(), details.getUsername(), details.getPassword());
			}
			if (application != null) {
				return DataSourceBuilder.derivedFrom(application)
					.type(SimpleDriverDataSource.class)
					.username(details.getUsername())
					.password(details.getPassword())
					.build();
			}
		}
		if (application != null) {
			return application;
		}
		if (jdbc != null) {
			return build(jdbc.getJdbcUrl(), jdbc.getUsername(), jdbc.getPassword());
		}
		throw new MigrateException("Migrate found no DataSource to migrate: define one, or set migrate.url");
	}

	/**
	 * Thrown when the application has several data sources and nothing says which one
	 * Migrate migrates.
	 */
	static final class AmbiguousDataSourceException extends MigrateException {

		AmbiguousDataSourceException(String message) {
			super(message);
		}

	}

	static DataSource build(String url, @Nullable String user, @Nullable String password) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(user)
			.password(password)
			.build();
	}

}
