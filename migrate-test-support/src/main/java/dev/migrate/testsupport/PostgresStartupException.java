package dev.migrate.testsupport;

/**
 * Thrown when the tests' PostgreSQL server cannot be started or reached. Its message says
 * which server was meant and why it failed.
 */
public class PostgresStartupException extends RuntimeException {

	PostgresStartupException(String message, Throwable cause) {
		super(message, cause);
	}

	PostgresStartupException(String message) {
		super(message);
	}

}
