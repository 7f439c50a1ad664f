package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.Schema;
import dev.migrate.hibernate.EntitySchemaReader;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateSettings;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

/**
 * The desired schema of the entities Spring Boot found (its
 * {@link PersistenceManagedTypes}), read with the Hibernate settings Spring Boot gives
 * Hibernate at run time ({@code spring.jpa.*}, naming strategy beans, customizers).
 */
class JpaEntitySchemaSource implements EntitySchemaSource {

	private final PersistenceManagedTypes managedTypes;

	private final Map<String, Object> settings;

	private final ClassLoader classLoader;

	JpaEntitySchemaSource(PersistenceManagedTypes managedTypes, HibernateProperties hibernateProperties,
			JpaProperties jpaProperties, @Nullable PhysicalNamingStrategy physicalNamingStrategy,
			@Nullable ImplicitNamingStrategy implicitNamingStrategy, List<HibernatePropertiesCustomizer> customizers,
			ClassLoader classLoader) {
		this.managedTypes = managedTypes;
		this.classLoader = classLoader;
		Map<String, Object> settings = new LinkedHashMap<>(hibernateProperties.determineHibernateProperties(
				jpaProperties.getProperties(), new HibernateSettings().hibernatePropertiesCustomizers(customizers)));
		if (physicalNamingStrategy != null) {
			settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, physicalNamingStrategy);
		}
		if (implicitNamingStrategy != null) {
			settings.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, implicitNamingStrategy);
		}
		// Migrate reads the entities; Hibernate must not touch the schema on its behalf.
		settings.remove(AvailableSettings.HBM2DDL_AUTO);
		this.settings = settings;
	}

	@Override
	public @Nullable Schema desiredSchema() {
		Collection<Class<?>> classes = entityClasses();
		if (classes.isEmpty()) {
			return null;
		}
		return new EntitySchemaReader(Dialects.postgresql()).read(classes, this.settings);
	}

	@Override
	public @Nullable String fingerprint() {
		Collection<Class<?>> classes = entityClasses();
		return classes.isEmpty() ? null
				: new EntitySchemaReader(Dialects.postgresql()).fingerprint(classes, this.settings);
	}

	Collection<Class<?>> entityClasses() {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : this.managedTypes.getManagedClassNames()) {
			classes.add(ClassUtils.resolveClassName(name, this.classLoader));
		}
		return classes;
	}

	Map<String, Object> settings() {
		return this.settings;
	}

}
