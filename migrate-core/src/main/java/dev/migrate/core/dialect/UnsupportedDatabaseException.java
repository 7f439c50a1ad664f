package dev.migrate.core.dialect;

/**
 * Thrown when Migrate is pointed at a database product it does not support. The message
 * names the product that was found.
 */
public class UnsupportedDatabaseException extends RuntimeException {

	public UnsupportedDatabaseException(String message) {
		super(message);
	}

}
