package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import dev.migrate.core.exception.UnsupportedDatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link Dialect} for a database. Dialects are found with {@link ServiceLoader}
 * (each jar names its own in {@code META-INF/services/dev.migrate.core.dialect.Dialect})
 * and chosen by their {@link Dialect#name() name}, which is the product name the
 * database's JDBC driver reports; this package does not depend on any of them.
 */
public final class Dialects {

	/** The name of the PostgreSQL dialect, the product name its JDBC driver reports. */
	private static final String POSTGRESQL = "PostgreSQL";

	private static volatile @Nullable Map<String, ServiceLoader.Provider<Dialect>> providers;

	private Dialects() {
	}

	/**
	 * Return the dialect for the database behind a connection.
	 * @param connection the connection
	 * @return the dialect
	 * @throws UnsupportedDatabaseException if Migrate does not support the database
	 * @throws SQLException if the database cannot be asked what it is
	 */
	public static Dialect forConnection(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String product = metaData.getDatabaseProductName();
		ServiceLoader.Provider<Dialect> provider = providers().get(product);
		if (provider != null) {
			return provider.get();
		}
		throw new UnsupportedDatabaseException(
				"Unsupported database: found " + product + " " + metaData.getDatabaseProductVersion() + " (driver "
						+ metaData.getDriverName() + "); Migrate supports PostgreSQL only");
	}

	/**
	 * Return the PostgreSQL dialect.
	 * @return the dialect
	 * @throws IllegalStateException if the class path holds no PostgreSQL dialect
	 */
	public static Dialect postgresql() {
		ServiceLoader.Provider<Dialect> provider = providers().get(POSTGRESQL);
		if (provider == null) {
			throw new IllegalStateException("No " + POSTGRESQL + " dialect in META-INF/services/"
					+ Dialect.class.getName() + " on the class path of " + Dialects.class.getClassLoader());
		}
		return provider.get();
	}

	private static Map<String, ServiceLoader.Provider<Dialect>> providers() {
		Map<String, ServiceLoader.Provider<Dialect>> found = providers;
		if (found == null) {
			found = new LinkedHashMap<>();
			for (ServiceLoader.Provider<Dialect> provider : ServiceLoader
				.load(Dialect.class, Dialects.class.getClassLoader())
				.stream()
				.toList()) {
				found.putIfAbsent(provider.get().name(), provider);
			}
			providers = Map.copyOf(found);
		}
		return found;
	}

}
