package dev.migrate.core.dialect;

import dev.migrate.core.MigrateException;

/**
 * Thrown when Migrate is pointed at a database product it does not support. The message
 * names the product that was found.
 */
public class UnsupportedDatabaseException extends MigrateException {

	public UnsupportedDatabaseException(String message) {
		super(message);
	}

}
