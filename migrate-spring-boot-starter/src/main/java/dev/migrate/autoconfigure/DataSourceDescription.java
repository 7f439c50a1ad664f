package dev.migrate.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migrate.core.runner.DatabaseTarget;

/**
 * Describes where a data source points (URL without credentials, user) for error
 * messages, whatever its type, without ever including a password, through the core's
 * {@link DatabaseTarget}.
 */
final class DataSourceDescription {

	private DataSourceDescription() {
	}

	static String describe(DataSource dataSource) {
		String url = DatabaseTarget.url(dataSource);
		String user = DatabaseTarget.user(dataSource);
		return ((url != null) ? url : "the application's data source")
				+ ((user != null) ? " as user '" + user + "'" : "");
	}

	/**
	 * Return whether an exception is a failure to reach the database (SQL state class 08)
	 * rather than a failure of the migration.
	 */
	static boolean isConnectionFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

}
