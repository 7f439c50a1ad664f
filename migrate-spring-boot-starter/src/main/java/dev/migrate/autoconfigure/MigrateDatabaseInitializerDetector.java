package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrateInitializer} and
 * {@link MigrateInstances}, so that the JPA {@code EntityManagerFactory} and beans marked
 * {@code @DependsOnDatabaseInitialization} wait for Migrate.
 */
class MigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateInitializer.class, MigrateInstances.class);
	}

}
