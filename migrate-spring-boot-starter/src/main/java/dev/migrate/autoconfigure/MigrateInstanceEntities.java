package dev.migrate.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.ResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

/**
 * The desired schema of the {@code @Entity} classes in some packages
 * ({@code migrate.instances.<name>.entity-packages}, {@code migrate.entity-packages}),
 * read with the application's Hibernate settings ({@code spring.jpa.*}, naming strategy
 * beans, customizers).
 */
@FunctionalInterface
interface MigrateInstanceEntities extends Function<List<String>, EntitySchemaSource> {

	/**
	 * Return the entity classes of some packages, as Spring Boot's entity scan finds
	 * them.
	 */
	static PersistenceManagedTypes scan(ResourceLoader resourceLoader, List<String> packages) {
		return new PersistenceManagedTypesScanner(resourceLoader).scan(packages.toArray(String[]::new));
	}

	/**
	 * Return the managed types without the classes of the instances' packages.
	 */
	static PersistenceManagedTypes without(PersistenceManagedTypes managedTypes, MigrateProperties properties) {
		List<String> packages = properties.getInstances()
			.values()
			.stream()
			.map(MigrateInstanceProperties::getEntityPackages)
			.flatMap(Collection::stream)
			.toList();
		if (packages.isEmpty()) {
			return managedTypes;
		}
		List<String> classes = managedTypes.getManagedClassNames()
			.stream()
			.filter((name) -> packages.stream().noneMatch((entityPackage) -> name.startsWith(entityPackage + ".")))
			.toList();
		return PersistenceManagedTypes.of(classes, managedTypes.getManagedPackages());
	}

}
