package dev.migrate.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.relational.RelationalSchemaSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * The {@link MigrateContext} of the default instance: over a JDBC connection derived from
 * the R2DBC connection options in an application without a {@code DataSource} bean, or
 * else over the application's JDBC {@code DataSource} (or {@code migrate.url}, or JDBC
 * connection details). Imported by {@link MigrateAutoConfiguration} in this order: the
 * R2DBC one first, so that in an R2DBC application a {@link MigrateConnectionDetails}
 * bean (which also makes the JDBC one apply) logs in to the R2DBC database, as it did
 * when both were nested classes (registered in the reverse of their declaration order).
 */
final class MigrateContextConfigurations {

	private MigrateContextConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(DataSourceOrUrlCondition.class)
	@Import(MigrateInstancesConfiguration.InstanceMigrateRegistrar.class)
	static class Jdbc {

		@Bean
		@ConditionalOnMissingBean(MigrateConnectionDetails.class)
		PropertiesMigrateConnectionDetails migrateConnectionDetails(MigrateProperties properties) {
			return new PropertiesMigrateConnectionDetails(properties);
		}

		@Bean
		@ConditionalOnMissingBean
		MigrateContext migrateContext(ObjectProvider<DataSource> dataSource,
				@MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
				MigrateConnectionDetails connectionDetails, ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails,
				MigrateProperties properties, ObjectProvider<EntitySchemaSource> entities,
				ObjectProvider<RelationalSchemaSource> relational, ObjectProvider<MigrateCustomizer> customizers,
				ResourceLoader resourceLoader, ListableBeanFactory beanFactory,
				ObjectProvider<MigrateInstanceEntities> packageEntities) {
			EntitySchemaSource defined = entities.getIfAvailable();
			if (!properties.getEntityPackages().isEmpty()
					&& (defined == null || defined instanceof JpaEntitySchemaSource)) {
				// The application builds its EntityManagerFactory beans itself.
				MigrateInstances.checkEntityPackages("migrate", properties.getEntityPackages(), resourceLoader);
				defined = packageEntities(packageEntities, resourceLoader).apply(properties.getEntityPackages());
			}
			EntitySchemaSource source = CombinedEntitySchemaSource.of(defined, null,
					relational.orderedStream().toList());
			DataSource application = dataSource.getIfUnique();
			DataSource migrationDataSource = MigrationDataSource.choose(migrateDataSource.getIfAvailable(), application,
					BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class).length,
					connectionDetails, jdbcConnectionDetails.getIfAvailable());
			return new MigrateContext(migrationDataSource, properties, source, resourceLoader,
					developmentRun(properties, resourceLoader, beanFactory), customizers.orderedStream().toList())
				.applicationDataSource(application);
		}

		@Bean
		@Conditional(MigrateInstancesConfiguration.OnInstancesCondition.class)
		@ConditionalOnMissingBean
		MigrateInstances migrateInstances(MigrateProperties properties, ObjectProvider<MigrateContext> context,
				ObjectProvider<MigrateInstanceEntities> entities, ObjectProvider<MigrateCustomizer> customizers,
				ResourceLoader resourceLoader, ListableBeanFactory beanFactory, ObjectProvider<MigrateExit> exit) {
			return MigrateInstances.create(properties, beanFactory, packageEntities(entities, resourceLoader),
					context.getIfAvailable(), resourceLoader, developmentRun(properties, resourceLoader, beanFactory),
					customizers.orderedStream().toList(), exit.getIfAvailable(() -> System::exit));
		}

		private static MigrateInstanceEntities packageEntities(ObjectProvider<MigrateInstanceEntities> entities,
				ResourceLoader resourceLoader) {
			return entities.getIfAvailable(
					() -> (packages) -> new ScannedEntitySchemaSource(packages, resourceLoader.getClassLoader()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.r2dbc.spi.ConnectionFactory",
			"org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails",
			"org.springframework.boot.persistence.autoconfigure.EntityScanPackages" })
	@ConditionalOnMissingBean({ DataSource.class, MigrateContext.class })
	@ConditionalOnBean(type = "org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails")
	static class R2dbc {

		@Bean
		MigrateContext migrateContext(R2dbcConnectionDetails r2dbcConnectionDetails, MigrateProperties properties,
				ObjectProvider<MigrateConnectionDetails> connectionDetails, ObjectProvider<EntitySchemaSource> entities,
				ObjectProvider<RelationalSchemaSource> relational, ObjectProvider<MigrateCustomizer> customizers,
				ResourceLoader resourceLoader, BeanFactory beanFactory) {
			if (!properties.getInstances().isEmpty()) {
				// Not ignored without a word: the databases it names would stay as they
				// are.
				throw new MigrateInstances.InstanceConfigurationException("migrate.instances names "
						+ properties.getInstances().keySet() + ", but this application has no JDBC DataSource: several "
						+ "databases are migrated for applications with DataSource beans (JPA or Spring Data JDBC)"
						+ " only. Nothing was migrated. Remove migrate.instances.*, or give each database a "
						+ "DataSource bean.");
			}
			EntitySchemaSource source = CombinedEntitySchemaSource.of(entities.getIfAvailable(),
					new ScannedEntitySchemaSource(entityPackages(beanFactory), resourceLoader.getClassLoader()),
					relational.orderedStream().toList());
			DataSource dataSource = R2dbcJdbcDataSource.forMigration(
					connectionDetails.getIfAvailable(() -> new PropertiesMigrateConnectionDetails(properties)),
					r2dbcConnectionDetails.getConnectionFactoryOptions());
			return new MigrateContext(dataSource, properties, source, resourceLoader,
					developmentRun(properties, resourceLoader, beanFactory), customizers.orderedStream().toList());
		}

		private static List<String> entityPackages(BeanFactory beanFactory) {
			List<String> packages = EntityScanPackages.get(beanFactory).getPackageNames();
			return (!packages.isEmpty() || !AutoConfigurationPackages.has(beanFactory)) ? packages
					: AutoConfigurationPackages.get(beanFactory);
		}

	}

	static boolean developmentRun(MigrateProperties properties, ResourceLoader resourceLoader,
			BeanFactory beanFactory) {
		List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
				: List.of();
		ClassLoader classLoader = (resourceLoader.getClassLoader() != null) ? resourceLoader.getClassLoader()
				: MigrateContextConfigurations.class.getClassLoader();
		return DevelopmentRun.detect(properties.getDevelopment(), classLoader, packages);
	}

	static final class DataSourceOrUrlCondition extends AnyNestedCondition {

		DataSourceOrUrlCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		static class DataSourceBean {

		}

		@ConditionalOnProperty("migrate.url")
		static class MigrateUrl {

		}

		@ConditionalOnBean(MigrateConnectionDetails.class)
		static class MigrateConnectionDetailsBean {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		static class JdbcConnectionDetailsBean {

		}

	}

}
