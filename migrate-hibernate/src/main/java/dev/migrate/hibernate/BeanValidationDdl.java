package dev.migrate.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.mapping.PersistentClass;
import org.jspecify.annotations.Nullable;

/**
 * Applies Bean Validation constraints ({@code @NotNull}, {@code @NotBlank},
 * {@code @Size}, {@code @Min}, {@code @Digits}, ...) to the mapping the way Hibernate
 * does when its session factory starts: with Hibernate's own code, on the same
 * conditions. Hibernate does this only while building a session factory, a step the
 * entity reader never takes, so without it the desired schema would miss the NOT NULLs,
 * lengths and checks that Hibernate's own DDL has.
 * <p>
 * The conditions are Hibernate's: a Bean Validation provider can be built (with
 * {@code jakarta.persistence.validation.mode=auto}, the default, a missing or broken
 * provider means no constraints, as at run time), the validation mode includes
 * {@code auto} or {@code ddl}, and {@code hibernate.validator.apply_to_ddl} is not
 * {@code false}.
 */
final class BeanValidationDdl {

	/** Hibernate's switch for applying Bean Validation constraints to DDL. */
	static final String APPLY_TO_DDL = "hibernate.validator.apply_to_ddl";

	private static final String VALIDATION = "jakarta.validation.Validation";

	private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

	private static final String[] MODE_SETTINGS = { "jakarta.persistence.validation.mode",
			"javax.persistence.validation.mode" };

	private static final String[] FACTORY_SETTINGS = { "jakarta.persistence.validation.factory",
			"javax.persistence.validation.factory" };

	private BeanValidationDdl() {
	}

	/**
	 * Apply the entities' Bean Validation constraints to the metadata's columns if
	 * Hibernate would.
	 * @param metadata the metadata to change
	 * @param registry the registry the metadata was built with
	 * @param entityClassLoader the class loader of the entities (Hibernate finds the
	 * provider through the thread's context class loader)
	 * @throws EntityMappingException if the mode asks for DDL constraints and they cannot
	 * be applied
	 */
	static void apply(Metadata metadata, StandardServiceRegistry registry, @Nullable ClassLoader entityClassLoader) {
		ConfigurationService configuration = registry.requireService(ConfigurationService.class);
		Map<String, Object> settings = configuration.getSettings();
		Set<ValidationMode> modes = ValidationMode.parseValidationModes(setting(settings, MODE_SETTINGS));
		boolean required = modes.contains(ValidationMode.DDL);
		if (!required && !modes.contains(ValidationMode.AUTO)) {
			return;
		}
		if (!configuration.getSetting(APPLY_TO_DDL, StandardConverters.BOOLEAN, true)) {
			return;
		}
		ClassLoaderService classLoaders = registry.requireService(ClassLoaderService.class);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		if (entityClassLoader != null) {
			thread.setContextClassLoader(entityClassLoader);
		}
		try {
			Object factory = validatorFactory(settings, classLoaders, required);
			if (factory == null) {
				return;
			}
			try {
				applyConstraints(factory, metadata.getEntityBindings(), settings,
						new ClassLoaderAccessImpl(null, classLoaders), metadata);
			}
			finally {
				if (setting(settings, FACTORY_SETTINGS) == null && factory instanceof AutoCloseable closeable) {
					close(closeable);
				}
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static @Nullable Object validatorFactory(Map<String, Object> settings, ClassLoaderService classLoaders,
			boolean required) {
		Object provided = setting(settings, FACTORY_SETTINGS);
		if (provided != null) {
			return provided;
		}
		try {
			Class<?> validation = classLoaders.classForName(VALIDATION);
			return validation.getMethod("buildDefaultValidatorFactory").invoke(null);
		}
		catch (RuntimeException | LinkageError | ReflectiveOperationException ex) {
			if (required) {
				throw new EntityMappingException("jakarta.persistence.validation.mode includes 'ddl', but no Bean "
						+ "Validation provider could be built (" + cause(ex) + "); add one (e.g. "
						+ "spring-boot-starter-validation) or remove 'ddl' from the mode", ex);
			}
			// As Hibernate does in mode 'auto': no provider, no constraints in DDL.
			return null;
		}
	}

	private static void applyConstraints(Object factory, Collection<PersistentClass> entities,
			Map<String, Object> settings, ClassLoaderAccess classLoaderAccess, Metadata metadata) {
		try {
			Class<?> activator = Class.forName(ACTIVATOR, true, Metadata.class.getClassLoader());
			Class<?> factoryType = Class.forName("jakarta.validation.ValidatorFactory", false,
					activator.getClassLoader());
			Method apply = activator.getMethod("applyRelationalConstraints", factoryType, Collection.class, Map.class,
					org.hibernate.dialect.Dialect.class, ClassLoaderAccess.class);
			// The activator is package-private in Hibernate; its entry point is public.
			apply.setAccessible(true);
			apply.invoke(null, factory, entities, settings, metadata.getDatabase().getDialect(), classLoaderAccess);
		}
		catch (InvocationTargetException ex) {
			throw new EntityMappingException(
					"Hibernate could not apply the entities' Bean Validation constraints to the schema: "
							+ cause(ex.getCause()) + "; set hibernate.validator.apply_to_ddl=false "
							+ "(spring.jpa.properties) if the schema should not follow them",
					ex.getCause());
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			throw new EntityMappingException("This Hibernate version (" + org.hibernate.Version.getVersionString()
					+ ") does not offer the Bean Validation DDL step Migrate calls (" + cause(ex) + "); use the "
					+ "Hibernate version Migrate was built with, or set hibernate.validator.apply_to_ddl=false "
					+ "and declare NOT NULL and lengths with @Column", ex);
		}
	}

	private static @Nullable Object setting(Map<String, Object> settings, String[] names) {
		for (String name : names) {
			Object value = settings.get(name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String cause(@Nullable Throwable ex) {
		Throwable root = ex;
		while (root != null && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root != null) ? root.getClass().getSimpleName() + ": " + root.getMessage() : "unknown cause";
	}

	private static void close(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing a validator factory releases caches only; nothing to report.
		}
	}

}
