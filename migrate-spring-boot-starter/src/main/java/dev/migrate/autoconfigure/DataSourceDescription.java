package dev.migrate.autoconfigure;

import java.lang.reflect.Method;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Describes where a data source points (URL without credentials, user) for error
 * messages, whatever its type, without ever including a password.
 */
final class DataSourceDescription {

	private DataSourceDescription() {
	}

	static String describe(DataSource dataSource) {
		String url = property(dataSource, "getJdbcUrl", "getUrl", "getURL");
		String user = property(dataSource, "getUsername", "getUser");
		return ((url != null) ? MigrateEndpoint.maskUrl(url) : "the application's data source")
				+ ((user != null) ? " as user '" + user + "'" : "");
	}

	/**
	 * Return the URL a data source points to, without credentials, if its type tells.
	 */
	static @Nullable String url(DataSource dataSource) {
		String url = property(dataSource, "getJdbcUrl", "getUrl", "getURL");
		return (url != null) ? MigrateEndpoint.maskUrl(url) : null;
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

	private static @Nullable String property(DataSource dataSource, String... getters) {
		for (String getter : getters) {
			try {
				Method method = dataSource.getClass().getMethod(getter);
				Object value = method.invoke(dataSource);
				if (value != null) {
					return value.toString();
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not this type's getter; try the next.
			}
		}
		return null;
	}

}
