package dev.migrate.autoconfigure;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.core.dialect.Dialects;
import dev.migrate.core.schema.Schema;
import dev.migrate.hibernate.EntityMappingException;
import dev.migrate.hibernate.EntitySchemaReader;
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

	/** Without it no class is an {@code @Entity}: Spring Data JDBC and R2DBC apps. */
	private static final String JPA = "jakarta.persistence.Entity";

	/** Migrate reads entities through Hibernate's boot metadata. */
	private static final String HIBERNATE = "org.hibernate.boot.Metadata";

	private final List<String> packages;

	private final ClassLoader classLoader;

	ScannedEntitySchemaSource(List<String> packages, ClassLoader classLoader) {
		this.packages = packages;
		this.classLoader = classLoader;
	}

	@Override
	public @Nullable Schema desiredSchema() {
		List<Class<?>> entities = readableEntityClasses();
		return entities.isEmpty() ? null : new EntitySchemaReader(Dialects.postgresql()).read(entities, settings());
	}

	@Override
	public @Nullable String fingerprint() {
		List<Class<?>> entities = readableEntityClasses();
		return entities.isEmpty() ? null
				: new EntitySchemaReader(Dialects.postgresql()).fingerprint(entities, settings());
	}

	/**
	 * Return the {@code @Entity} classes of the packages: none without the JPA API on the
	 * class path (applications with Spring Data JDBC or R2DBC and no JPA).
	 */
	List<Class<?>> entityClasses() {
		Class<? extends Annotation> entity = entityAnnotation();
		if (entity == null) {
			return List.of();
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(this.classLoader));
		scanner.addIncludeFilter(new AnnotationTypeFilter(entity));
		List<Class<?>> classes = new ArrayList<>();
		for (String basePackage : this.packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), this.classLoader));
			}
		}
		return classes;
	}

	/**
	 * Return {@code @Entity} as the class loader has it, or {@code null} without the JPA
	 * API; by name, so that this class links without it.
	 */
	@SuppressWarnings("unchecked")
	private @Nullable Class<? extends Annotation> entityAnnotation() {
		try {
			return (Class<? extends Annotation>) ClassUtils.forName(JPA, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private List<Class<?>> readableEntityClasses() {
		List<Class<?>> entities = entityClasses();
		if (!entities.isEmpty() && !ClassUtils.isPresent(HIBERNATE, this.classLoader)) {
			throw new EntityMappingException("Found @Entity classes " + entities.stream().map(Class::getName).toList()
					+ " but Hibernate ORM is not on the class path: Migrate reads entities through Hibernate's"
					+ " metadata. Nothing was read from or changed in the database. Add org.hibernate.orm:hibernate-core"
					+ " (spring-boot-starter-data-jpa brings it), or move the @Entity classes out of the packages"
					+ " Migrate scans (" + this.packages + ").");
		}
		return entities;
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
