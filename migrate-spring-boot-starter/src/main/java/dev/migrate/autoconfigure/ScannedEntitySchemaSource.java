package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.entity.EntitySchemaReader;
import dev.migrate.core.schema.Schema;
import jakarta.persistence.Entity;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The desired schema of {@code @Entity} classes found in the application's packages, for
 * applications without JPA at run time (e.g. R2DBC), read with Spring Boot's default
 * naming strategies.
 */
class ScannedEntitySchemaSource implements EntitySchemaSource {

	private static final String SPRING_IMPLICIT_NAMING = "org.springframework.boot.hibernate.SpringImplicitNamingStrategy";

	private final List<String> packages;

	private final ClassLoader classLoader;

	ScannedEntitySchemaSource(List<String> packages, ClassLoader classLoader) {
		this.packages = packages;
		this.classLoader = classLoader;
	}

	@Override
	public @Nullable Schema desiredSchema() {
		List<Class<?>> entities = entityClasses();
		return entities.isEmpty() ? null : new EntitySchemaReader(Dialects.postgresql()).read(entities, settings());
	}

	@Override
	public @Nullable String fingerprint() {
		List<Class<?>> entities = entityClasses();
		return entities.isEmpty() ? null
				: new EntitySchemaReader(Dialects.postgresql()).fingerprint(entities, settings());
	}

	List<Class<?>> entityClasses() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(this.classLoader));
		scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
		List<Class<?>> classes = new ArrayList<>();
		for (String basePackage : this.packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), this.classLoader));
			}
		}
		return classes;
	}

	private Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY,
				"org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
		if (ClassUtils.isPresent(SPRING_IMPLICIT_NAMING, this.classLoader)) {
			settings.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, SPRING_IMPLICIT_NAMING);
		}
		return settings;
	}

}
