package dev.migrate.autoconfigure;

/**
 * How command mode ends the application once its command has run: by default
 * {@link System#exit(int)}; the tests define a bean of this type to end it otherwise.
 */
@FunctionalInterface
interface MigrateExit {

	/**
	 * End the application.
	 * @param code the exit code: 0 success, 1 differences found by {@code check}, 2 error
	 */
	void exit(int code);

}
