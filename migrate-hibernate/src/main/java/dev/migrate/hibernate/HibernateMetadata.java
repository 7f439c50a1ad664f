package dev.migrate.hibernate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.cfg.AvailableSettings;
import org.jspecify.annotations.Nullable;

/**
 * Builds Hibernate's boot {@link Metadata} for a set of entity classes, the way Hibernate
 * itself would at run time, but (unless asked otherwise) without touching a database.
 */
final class HibernateMetadata implements AutoCloseable {

	/** Hibernate's switch for reading JDBC metadata while booting. */
	static final String ALLOW_JDBC_METADATA_ACCESS = "hibernate.boot.allow_jdbc_metadata_access";

	private final StandardServiceRegistry registry;

	private final Metadata metadata;

	private HibernateMetadata(StandardServiceRegistry registry, Metadata metadata) {
		this.registry = registry;
		this.metadata = metadata;
	}

	/**
	 * Build the metadata without a database connection, with the Bean Validation
	 * constraints Hibernate would apply and columns in the order Hibernate creates them.
	 * @param entityClasses the entity (and other annotated) classes
	 * @param settings Hibernate settings (naming strategies, default schema, ...)
	 * @param databaseName the database product Hibernate resolves its dialect from
	 * @return the metadata; close it to release Hibernate's services
	 */
	static HibernateMetadata build(Collection<Class<?>> entityClasses, Map<String, ?> settings, String databaseName) {
		Map<String, Object> effective = new LinkedHashMap<>();
		effective.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, databaseName);
		effective.put(ALLOW_JDBC_METADATA_ACCESS, false);
		effective.putAll(settings);
		StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
			.addInitiator(new QuietJdbcEnvironmentInitiator())
			.applySettings(effective)
			.build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entityClasses.forEach(sources::addAnnotatedClass);
			Metadata metadata = buildMetadata(sources, entityClasses);
			// Hibernate applies these while its session factory starts, a step not taken
			// here; before anything resolves a column's type, or a @Size would be lost.
			BeanValidationDdl.apply(metadata, registry, classLoader(entityClasses));
			// Hibernate orders columns (primary keys among them) before it runs DDL;
			// the schema it creates is in that order, so the desired one must be too.
			((MetadataImplementor) metadata).orderColumns(true);
			return new HibernateMetadata(registry, metadata);
		}
		catch (RuntimeException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw ex;
		}
	}

	private static Metadata buildMetadata(MetadataSources sources, Collection<Class<?>> entityClasses) {
		try {
			return sources.buildMetadata();
		}
		catch (RuntimeException ex) {
			throw rejected(entityClasses, ex);
		}
	}

	private static @Nullable ClassLoader classLoader(Collection<Class<?>> entityClasses) {
		return entityClasses.isEmpty() ? null : entityClasses.iterator().next().getClassLoader();
	}

	Metadata metadata() {
		return this.metadata;
	}

	private static EntityMappingException rejected(Collection<Class<?>> entityClasses, RuntimeException ex) {
		String message = messages(ex);
		String entity = entityClasses.stream()
			.filter((type) -> message.contains(type.getName()) || message.contains("'" + type.getSimpleName() + "'")
					|| message.contains("." + type.getSimpleName()))
			.map(Class::getName)
			.findFirst()
			.orElse(null);
		String subject = (entity != null) ? "Entity " + entity : "One of the " + entityClasses.size() + " entities";
		return new EntityMappingException(subject + " was rejected by Hibernate: " + message, ex);
	}

	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder(String.valueOf(ex.getMessage()));
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause.getMessage() != null && !messages.toString().contains(cause.getMessage())) {
				messages.append(": ").append(cause.getMessage());
			}
		}
		return messages.toString();
	}

	@Override
	public void close() {
		StandardServiceRegistryBuilder.destroy(this.registry);
	}

}
