package dev.migrate.autoconfigure;

import dev.migrate.core.exception.MigrateException;

/**
 * Thrown when a Spring Data Relational mapping cannot be translated into tables; the
 * message names the class and property.
 */
public class RelationalMappingException extends MigrateException {

	RelationalMappingException(String message) {
		super(message);
	}

	RelationalMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
