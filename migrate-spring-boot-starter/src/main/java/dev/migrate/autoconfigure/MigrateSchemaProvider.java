package dev.migrate.autoconfigure;

import java.util.List;

/**
 * The tenant schemas Migrate migrates at startup, each with its own history and lock: by
 * default {@code migrate.schemas}; define a bean of this type for a list found at run
 * time, e.g. read from a tenants table.
 */
@FunctionalInterface
public interface MigrateSchemaProvider {

	/**
	 * Return the tenant schemas to migrate, in the order they are started.
	 * @return the schemas, empty for none
	 */
	List<String> schemas();

}
