package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import dev.migrate.core.dialect.postgresql.PostgresDialect;

/**
 * Finds the {@link Dialect} for a database.
 */
public final class Dialects {

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
		if (PostgresDialect.PRODUCT_NAME.equals(product)) {
			return new PostgresDialect();
		}
		throw new UnsupportedDatabaseException(
				"Unsupported database: found " + product + " " + metaData.getDatabaseProductVersion() + " (driver "
						+ metaData.getDriverName() + "); Migrate supports PostgreSQL only");
	}

	/**
	 * Return the PostgreSQL dialect.
	 * @return the dialect
	 */
	public static Dialect postgresql() {
		return new PostgresDialect();
	}

}
