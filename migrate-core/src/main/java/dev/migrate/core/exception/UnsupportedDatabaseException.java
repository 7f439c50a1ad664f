package dev.migrate.core.exception;

/**
 * Thrown when Migrate is pointed at a database product it does not support. The message
 * names the product that was found.
 */
public class UnsupportedDatabaseException extends MigrateException {

	public UnsupportedDatabaseException(String message) {
		super(message);
	}

}
