package dev.migrate.core.runner;

import java.lang.reflect.Method;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Where a data source points, for messages and reports: its URL without user info or
 * parameters (which may hold a password) and its user, read through the getters common
 * data sources have, never its password.
 */
public final class DatabaseTarget {

	private DatabaseTarget() {
	}

	/**
	 * Describe where a data source points: its masked URL and its user.
	 * @param dataSource the data source
	 * @return e.g. {@code jdbc:postgresql://db:5432/shop as user 'app'}
	 */
	public static String describe(DataSource dataSource) {
		String url = url(dataSource);
		String user = user(dataSource);
		return ((url != null) ? url : "the data source " + dataSource.getClass().getName())
				+ ((user != null) ? " as user '" + user + "'" : "");
	}

	/**
	 * Return the URL a data source points to, masked, if its type tells.
	 * @param dataSource the data source
	 * @return the URL without credentials, or {@code null}
	 */
	public static @Nullable String url(DataSource dataSource) {
		String url = property(dataSource, "getJdbcUrl", "getUrl", "getURL");
		return (url != null) ? mask(url) : null;
	}

	/**
	 * Return the user a data source logs in as, if its type tells.
	 * @param dataSource the data source
	 * @return the user, or {@code null}
	 */
	public static @Nullable String user(DataSource dataSource) {
		return property(dataSource, "getUsername", "getUser");
	}

	/**
	 * Drop what may hold credentials from a JDBC URL: user info and the parameters (which
	 * for the PostgreSQL driver also list every driver default).
	 * @param url a JDBC URL
	 * @return the URL without user info and parameters
	 */
	public static String mask(String url) {
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
