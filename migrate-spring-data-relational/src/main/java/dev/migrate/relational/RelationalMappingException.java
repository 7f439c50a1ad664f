package dev.migrate.relational;

import dev.migrate.core.exception.MigrateException;

/**
 * Thrown when a Spring Data Relational mapping cannot be translated into tables; the
 * message names the class and property.
 */
public class RelationalMappingException extends MigrateException {

	/**
	 * Create a new instance.
	 * @param message what cannot be translated, naming the class and property
	 */
	public RelationalMappingException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message what cannot be translated, naming the class and property
	 * @param cause the cause
	 */
	public RelationalMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
