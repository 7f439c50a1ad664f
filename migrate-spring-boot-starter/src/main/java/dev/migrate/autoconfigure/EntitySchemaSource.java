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

	/**
	 * Return a fingerprint of what {@link #desiredSchema()} depends on, computed without
	 * reading it, so that a development restart with an unchanged fingerprint (and an
	 * unchanged database) need not read the entities. Equal fingerprints must mean an
	 * equal desired schema.
	 * @return the fingerprint, or {@code null} if it cannot be told, then the desired
	 * schema is read on every start
	 */
	default @Nullable String fingerprint() {
		return null;
	}

}
