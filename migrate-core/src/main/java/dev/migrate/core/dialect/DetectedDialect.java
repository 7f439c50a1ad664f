package dev.migrate.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import dev.migrate.core.exception.UnsupportedDatabaseException;
import org.jspecify.annotations.Nullable;

/**
 * The dialect of one database, found from the first connection that needs it and kept, so
 * that the commands sharing it neither ask again nor open a connection only to ask.
 * Internal: public only because {@code Migrate}, the runner and the tenant migrations
 * share it; not API.
 */
public final class DetectedDialect {

	private volatile @Nullable Dialect dialect;

	/**
	 * Create one that finds the dialect on first use.
	 */
	public DetectedDialect() {
	}

	/**
	 * Create one that knows the dialect already.
	 * @param dialect the dialect
	 */
	public DetectedDialect(Dialect dialect) {
		this.dialect = dialect;
	}

	/**
	 * Return the dialect, finding it from the given connection the first time.
	 * @param connection a connection to the database
	 * @return the dialect
	 * @throws UnsupportedDatabaseException if Migrate does not support the database
	 * @throws SQLException if the database cannot be asked what it is
	 */
	public Dialect of(Connection connection) throws SQLException {
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
	public @Nullable Dialect known() {
		return this.dialect;
	}

}
