package dev.migrate.core.entity;

import dev.migrate.core.MigrateException;

/**
 * Thrown when Hibernate rejects the entities. The message names the entity when it can be
 * told, and carries Hibernate's own message.
 */
public class EntityMappingException extends MigrateException {

	EntityMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
