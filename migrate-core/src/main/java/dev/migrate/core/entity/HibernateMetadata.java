package dev.migrate.core.entity;

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
	 * Build the metadata without a database connection.
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
		HibernateMetadata hibernate = build(entityClasses,
				new StandardServiceRegistryBuilder().addInitiator(new QuietJdbcEnvironmentInitiator())
					.applySettings(effective));
		try {
			// Hibernate applies these while its session factory starts, a step not taken
			// here.
			BeanValidationDdl.apply(hibernate.metadata, hibernate.registry, classLoader(entityClasses));
			return hibernate;
		}
		catch (RuntimeException ex) {
			hibernate.close();
			throw ex;
		}
	}

	private static @Nullable ClassLoader classLoader(Collection<Class<?>> entityClasses) {
		return entityClasses.isEmpty() ? null : entityClasses.iterator().next().getClassLoader();
	}

	/**
	 * Build the metadata exactly as Hibernate would, with the settings as given.
	 * @param entityClasses the entity (and other annotated) classes
	 * @param settings all Hibernate settings
	 * @return the metadata; close it to release Hibernate's services
	 */
	static HibernateMetadata buildWith(Collection<Class<?>> entityClasses, Map<String, ?> settings) {
		return build(entityClasses,
				new StandardServiceRegistryBuilder().applySettings(new LinkedHashMap<String, Object>(settings)));
	}

	private static HibernateMetadata build(Collection<Class<?>> entityClasses, StandardServiceRegistryBuilder builder) {
		StandardServiceRegistry registry = builder.build();
		try {
			MetadataSources sources = new MetadataSources(registry);
			entityClasses.forEach(sources::addAnnotatedClass);
			Metadata metadata = sources.buildMetadata();
			// Hibernate orders columns (primary keys among them) before it runs DDL;
			// the schema it creates is in that order, so the desired one must be too.
			((MetadataImplementor) metadata).orderColumns(true);
			return new HibernateMetadata(registry, metadata);
		}
		catch (RuntimeException ex) {
			StandardServiceRegistryBuilder.destroy(registry);
			throw rejected(entityClasses, ex);
		}
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
