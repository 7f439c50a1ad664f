package dev.migrate.core.runner;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.exception.UnsupportedDatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * The dialect of one database, found from the first connection that needs it and kept, so
 * that the runners sharing it (one per tenant schema) neither ask again nor open a
 * connection only to ask.
 */
final class DetectedDialect {

	private volatile @Nullable Dialect dialect;

	/**
	 * Create one that finds the dialect on first use.
	 */
	DetectedDialect() {
	}

	/**
	 * Create one that knows the dialect already.
	 * @param dialect the dialect
	 */
	DetectedDialect(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Return the dialect, finding it from the given connection the first time.
	 * @param connection a connection to the database
	 * @return the dialect
	 * @throws UnsupportedDatabaseException if Migrate does not support the database
	 * @throws SQLException if the database cannot be asked what it is
	 */
	Dialect of(Connection connection) throws SQLException {
		Dialect known = this.dialect;
		if (known == null) {
			known = Dialects.forConnection(connection);
			this.dialect = known;
		}
		return known;
	}

	/**
	 * Return the dialect if it was found already.
	 * @return the dialect, or {@code null}
	 */
	@Nullable Dialect known() {
		return this.dialect;
	}

}
