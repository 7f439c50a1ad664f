package dev.migrate.core.exception;

/**
 * Thrown when a migration cannot run or fails; the message says what to do about it.
 */
public class MigrationException extends MigrateException {

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
