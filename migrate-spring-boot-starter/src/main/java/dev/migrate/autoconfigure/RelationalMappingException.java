package dev.migrate.autoconfigure;

/**
 * Thrown when a Spring Data Relational mapping cannot be translated into tables; the
 * message names the class and property.
 */
public class RelationalMappingException extends RuntimeException {

	RelationalMappingException(String message) {
		super(message);
	}

	RelationalMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
