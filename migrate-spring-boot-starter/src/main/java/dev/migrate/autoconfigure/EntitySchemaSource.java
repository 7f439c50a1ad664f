package dev.migrate.autoconfigure;

import dev.migrate.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Where the desired schema comes from. The default reads the application's JPA entities;
 * define a bean of this type to supply it otherwise.
 */
@FunctionalInterface
public interface EntitySchemaSource {

	/**
	 * Return the schema the application's entities map to.
	 * @return the desired schema, or {@code null} if the application has no entities
	 * (then Migrate only applies committed revisions)
	 */
	@Nullable Schema desiredSchema();

}
