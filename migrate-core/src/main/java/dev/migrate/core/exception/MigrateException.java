package dev.migrate.core.exception;

/**
 * The base of every exception Migrate throws on purpose: its message says what happened
 * and what to do, and its {@link #exitCode() exit code} is what command mode ends the
 * process with.
 */
public class MigrateException extends RuntimeException {

	/**
	 * The exit code of an error: the command could not do what it was asked.
	 */
	public static final int ERROR = 2;

	/**
	 * The exit code of a check that found differences between the database and the
	 * entities.
	 */
	public static final int DIFFERENCES = 1;

	/**
	 * Create a new instance.
	 * @param message what happened and what to do
	 */
	public MigrateException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message what happened and what to do
	 * @param cause the cause
	 */
	public MigrateException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Return the code command mode exits with when this ends a command.
	 * @return {@value #ERROR} unless a subclass says otherwise
	 */
	public int exitCode() {
		return ERROR;
	}

}
