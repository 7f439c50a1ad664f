package dev.migrate.core.entity;

/**
 * Thrown when Hibernate rejects the entities. The message names the entity when it can be
 * told, and carries Hibernate's own message.
 */
public class EntityMappingException extends RuntimeException {

	EntityMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
