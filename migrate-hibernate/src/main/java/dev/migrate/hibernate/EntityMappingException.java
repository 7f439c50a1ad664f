package dev.migrate.hibernate;

import dev.migrate.core.exception.MigrateException;

/**
 * Thrown when Hibernate rejects the entities, or cannot read them. The message names the
 * entity when it can be told, and carries Hibernate's own message.
 */
public class EntityMappingException extends MigrateException {

	/**
	 * Create a new instance.
	 * @param message what happened and what to do, naming the entities
	 */
	public EntityMappingException(String message) {
		super(message);
	}

	/**
	 * Create a new instance.
	 * @param message what happened, naming the entity when it can be told
	 * @param cause Hibernate's failure
	 */
	public EntityMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
