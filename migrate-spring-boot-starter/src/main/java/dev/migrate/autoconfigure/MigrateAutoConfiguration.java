package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.autoconfigure.relational.RelationalEntityScan;
import dev.migrate.autoconfigure.relational.RelationalSchemaSource;
import dev.migrate.core.Migrate;
import dev.migrate.relational.RelationalAggregates;
import liquibase.Liquibase;
import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jpa.autoconfigure.JpaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.dialect.PostgresDialect;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * Auto-configuration for Migrate: keeps the database schema in step with the JPA entities
 * through Liquibase revisions, before JPA starts.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
		afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
				"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
				"org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration" })
@ConditionalOnClass({ Migrate.class, Liquibase.class })
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import({ MigrateContextConfigurations.R2dbc.class, MigrateContextConfigurations.Jdbc.class })
public final class MigrateAutoConfiguration {

	// On the outer class: its bean methods are registered after those of the imported
	// configurations, which define the context for JDBC or R2DBC.
	@Bean
	@ConditionalOnBean(MigrateContext.class)
	@ConditionalOnMissingBean
	Migrate migrate(MigrateContext context) {
		return context.migrate();
	}

	@Bean
	@ConditionalOnBean(MigrateContext.class)
	@ConditionalOnMissingBean
	MigrateStatusMonitor migrateStatusMonitor(MigrateContext context, Migrate migrate) {
		return new MigrateStatusMonitor(context, migrate);
	}

	@Bean
	@ConditionalOnBean(MigrateContext.class)
	@ConditionalOnMissingBean
	MigrateInitializer migrateInitializer(Migrate migrate, MigrateContext context, MigrateStatusMonitor monitor,
			ObjectProvider<MigrateStartupStrategy> strategy, ObjectProvider<MigrateExit> exit,
			ObjectProvider<MigrateSchemaProvider> schemas) {
		MigrateInitializer initializer = new MigrateInitializer(migrate,
				strategy.getIfAvailable(() -> new ModeStartupStrategy(context, monitor)), context, monitor,
				exit.getIfAvailable(() -> System::exit));
		MigrateSchemaProvider provider = schemas.getIfAvailable();
		if (provider != null) {
			initializer.tenants(new MigrateTenants(provider, context.tenantMigrations()));
		}
		return initializer;
	}

	@Bean
	@ConditionalOnBean(MigrateContext.class)
	@ConditionalOnMissingBean
	MigrateSchemaProvider migrateSchemaProvider(MigrateProperties properties) {
		return () -> List.copyOf(properties.getSchemas());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.r2dbc.mapping.R2dbcMappingContext",
			"org.springframework.boot.persistence.autoconfigure.EntityScanner" })
	@ConditionalOnBean(type = "org.springframework.data.r2dbc.mapping.R2dbcMappingContext")
	static class MigrateDataR2dbcConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrateDataR2dbcSchemaSource")
		RelationalSchemaSource migrateDataR2dbcSchemaSource(ObjectProvider<NamingStrategy> namingStrategy,
				ApplicationContext applicationContext) {
			NamingStrategy naming = namingStrategy.getIfAvailable(() -> DefaultNamingStrategy.INSTANCE);
			return new RelationalSchemaSource("Spring Data R2DBC entity",
					() -> RelationalAggregates.read(new R2dbcMappingContext(naming),
							R2dbcCustomConversions.of(PostgresDialect.INSTANCE, List.of()), false,
							RelationalEntityScan.scan(applicationContext)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.jdbc.core.mapping.JdbcMappingContext",
			"org.springframework.boot.persistence.autoconfigure.EntityScanner" })
	@ConditionalOnBean(type = "org.springframework.data.jdbc.core.mapping.JdbcMappingContext")
	static class MigrateDataJdbcConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "migrateDataJdbcSchemaSource")
		RelationalSchemaSource migrateDataJdbcSchemaSource(ObjectProvider<NamingStrategy> namingStrategy,
				ApplicationContext applicationContext) {
			NamingStrategy naming = namingStrategy.getIfAvailable(() -> DefaultNamingStrategy.INSTANCE);
			return new RelationalSchemaSource("Spring Data JDBC entity",
					() -> RelationalAggregates.read(new JdbcMappingContext(naming),
							JdbcCustomConversions.of(JdbcPostgresDialect.INSTANCE, List.of()), true,
							RelationalEntityScan.scan(applicationContext)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HibernateProperties.class, PersistenceManagedTypes.class })
	@ConditionalOnBean(PersistenceManagedTypes.class)
	static class MigrateJpaConfiguration {

		@Bean
		@ConditionalOnMissingBean
		EntitySchemaSource migrateEntitySchemaSource(PersistenceManagedTypes managedTypes,
				ObjectProvider<HibernateProperties> hibernateProperties, ObjectProvider<JpaProperties> jpaProperties,
				ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
				ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
				ObjectProvider<HibernatePropertiesCustomizer> customizers, ResourceLoader resourceLoader,
				MigrateProperties properties) {
			List<HibernatePropertiesCustomizer> customizerList = customizers.orderedStream().toList();
			// The entities of the other instances are theirs.
			return new JpaEntitySchemaSource(MigrateInstanceEntities.without(managedTypes, properties),
					hibernateProperties.getIfAvailable(HibernateProperties::new),
					jpaProperties.getIfAvailable(JpaProperties::new), physicalNamingStrategy.getIfAvailable(),
					implicitNamingStrategy.getIfAvailable(), customizerList, resourceLoader.getClassLoader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HibernateProperties.class, PersistenceManagedTypes.class })
	static class MigrateJpaPackagesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrateInstanceEntities migrateInstanceEntities(ObjectProvider<HibernateProperties> hibernateProperties,
				ObjectProvider<JpaProperties> jpaProperties,
				ObjectProvider<PhysicalNamingStrategy> physicalNamingStrategy,
				ObjectProvider<ImplicitNamingStrategy> implicitNamingStrategy,
				ObjectProvider<HibernatePropertiesCustomizer> customizers, ResourceLoader resourceLoader) {
			List<HibernatePropertiesCustomizer> customizerList = customizers.orderedStream().toList();
			return (packages) -> new JpaEntitySchemaSource(MigrateInstanceEntities.scan(resourceLoader, packages),
					hibernateProperties.getIfAvailable(HibernateProperties::new),
					jpaProperties.getIfAvailable(JpaProperties::new), physicalNamingStrategy.getIfAvailable(),
					implicitNamingStrategy.getIfAvailable(), customizerList, resourceLoader.getClassLoader());
		}

	}

}
