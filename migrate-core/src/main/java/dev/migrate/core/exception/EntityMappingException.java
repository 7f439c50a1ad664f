package dev.migrate.core.exception;

/**
 * Thrown when Hibernate rejects the entities. The message names the entity when it can be
 * told, and carries Hibernate's own message.
 */
public class EntityMappingException extends MigrateException {

	/**
	 * Create a new instance.
	 * @param message what happened, naming the entity when it can be told
	 * @param cause Hibernate's failure
	 */
	public EntityMappingException(String message, Throwable cause) {
		super(message, cause);
	}

}
