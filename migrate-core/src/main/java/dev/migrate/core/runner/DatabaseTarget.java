package dev.migrate.core.runner;

import java.lang.reflect.Method;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Describes where a data source points, for error messages: its URL without user info or
 * parameters (which may hold a password) and its user, read through the getters common
 * data sources have, never its password.
 */
final class DatabaseTarget {

	private DatabaseTarget() {
	}

	static String describe(DataSource dataSource) {
		String url = property(dataSource, "getJdbcUrl", "getUrl", "getURL");
		String user = property(dataSource, "getUsername", "getUser");
		return ((url != null) ? mask(url) : "the data source " + dataSource.getClass().getName())
				+ ((user != null) ? " as user '" + user + "'" : "");
	}

	/**
	 * Drop what may hold credentials from a JDBC URL: user info and the parameters.
	 */
	static String mask(String url) {
		return url.replaceAll("//[^/@?]*@", "//").replaceAll("[?;].*$", "");
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
